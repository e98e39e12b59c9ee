/**
 * The background's side of the journal, wired to the fake browser: entries go into the ledger
 * under the day they were written (her day start applies), the newest come back first, edits and
 * deletes find the entry, bad words are refused with a reason, and only the extension's own
 * pages may read or write.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import { MAX_ENTRIES_PER_DAY, MAX_ENTRY_CHARS } from '@/utils/journal/entries';
import type { Replies, ReplyOf } from '@/utils/messaging/protocol';
import { buildExport } from '@/utils/storage/exportData';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

const NOW = Date.UTC(2026, 11, 4, 20, 0);
let clock = NOW;
let count = 0;
let ledger: LedgerStore;

const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const instagram = sender('https://www.instagram.com/');

const send = <K extends keyof Replies>(type: K, data: unknown, who: Sender = popup) =>
  sendAs<ReplyOf<K>>({ type, data }, who);

useTimeZone('UTC');

beforeEach(() => {
  clock = NOW;
  count += 1;
  ledger = new LedgerStore(createStore(`journal-${count}`, 'ledger'));
  startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
});

describe('journal entries', () => {
  it('saves an entry with its prompt under today, and lists the newest first', async () => {
    const first = await send('journal/save', { text: 'The laundry can wait.', promptId: 'permission_slip' });
    expect(first).toMatchObject({ ok: true, entry: { day: '2026-12-04', at: NOW, text: 'The laundry can wait.' } });
    clock += 60_000;
    await send('journal/save', { text: 'We read two books.' });
    const recent = await send('journal/recent', { limit: 5 });
    expect(recent?.entries.map((entry) => entry.text)).toEqual(['We read two books.', 'The laundry can wait.']);
    expect(recent?.entries[1]?.promptId).toBe('permission_slip');
    expect(recent?.entries[0]?.promptId).toBeUndefined();
  });

  it('keeps the feed site she had open with the entry, and only a known one', async () => {
    expect(await send('journal/save', { text: 'On the feed.', site: 'instagram' })).toMatchObject({
      ok: true,
      entry: { site: 'instagram' },
    });
    const odd = await send('journal/save', { text: 'Elsewhere.', site: 'example' });
    expect(odd?.ok && odd.entry.site).toBe(undefined);
  });

  it('files an entry written after midnight under the day before, when her day starts at 4', async () => {
    clock = Date.UTC(2026, 11, 5, 1, 30);
    expect(await send('journal/save', { text: 'Late.' })).toMatchObject({ ok: true, entry: { day: '2026-12-04' } });
  });

  it('finds entries written weeks apart, and gives only as many as asked', async () => {
    for (const [offset, text] of [
      [-40, 'old'],
      [-3, 'recent'],
      [0, 'today'],
    ] as const) {
      clock = NOW + offset * 86_400_000;
      await send('journal/save', { text });
    }
    expect((await send('journal/recent', { limit: 2 }))?.entries.map((entry) => entry.text)).toEqual([
      'today',
      'recent',
    ]);
    expect((await send('journal/recent', { limit: 9 }))?.entries.map((entry) => entry.text)).toEqual([
      'today',
      'recent',
      'old',
    ]);
  });

  it('edits and deletes one entry by its day and id, and says when it is not there', async () => {
    const saved = await send('journal/save', { text: 'First words.' });
    if (!saved?.ok) throw new Error('not saved');
    const { day, id } = saved.entry;
    clock += 5_000;
    expect(await send('journal/edit', { day, id, text: 'Better words.' })).toMatchObject({
      ok: true,
      entry: { text: 'Better words.', editedAt: NOW + 5_000, at: NOW },
    });
    expect(await send('journal/delete', { day, id })).toEqual({ ok: true });
    expect(await send('journal/delete', { day, id })).toEqual({ ok: false });
    expect(await send('journal/edit', { day, id, text: 'Again.' })).toEqual({ ok: false, reason: 'not-found' });
    expect(await send('journal/edit', { day: 'someday', id, text: 'Again.' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect((await send('journal/recent', { limit: 5 }))?.entries).toEqual([]);
  });

  it('refuses empty and too-long words with a reason, and stores nothing', async () => {
    expect(await send('journal/save', { text: '   \n' })).toEqual({ ok: false, reason: 'empty' });
    expect(await send('journal/save', { text: 'x'.repeat(MAX_ENTRY_CHARS + 1) })).toEqual({
      ok: false,
      reason: 'too-long',
    });
    expect((await ledger.snapshot()).journal).toEqual([]);
  });

  it('keeps a day to its bound and says so', async () => {
    for (let i = 0; i < MAX_ENTRIES_PER_DAY; i++) await send('journal/save', { text: `entry ${i}` });
    expect(await send('journal/save', { text: 'one more' })).toEqual({ ok: false, reason: 'day-full' });
  });

  it('two saves at once both land', async () => {
    await Promise.all([send('journal/save', { text: 'one' }), send('journal/save', { text: 'two' })]);
    expect((await send('journal/recent', { limit: 5 }))?.entries.map((entry) => entry.text).sort()).toEqual([
      'one',
      'two',
    ]);
  });

  it('answers only the extension’s own pages: a content script can neither read nor write', async () => {
    await send('journal/save', { text: 'Private.' });
    expect(await send('journal/save', { text: 'From a page.' }, instagram)).toEqual({ ok: false, reason: 'not-here' });
    expect(await send('journal/recent', { limit: 5 }, instagram)).toEqual({ entries: [], unreadable: 0 });
    const [entry] = (await send('journal/recent', { limit: 1 }))?.entries ?? [];
    expect(await send('journal/delete', { day: entry?.day, id: entry?.id }, instagram)).toEqual({ ok: false });
    expect((await send('journal/recent', { limit: 5 }))?.entries.map((e) => e.text)).toEqual(['Private.']);
  });

  it('puts entries in the export', async () => {
    await send('journal/save', { text: 'Exported words.', promptId: 'nobody_saw_today' });
    const file = buildExport(await ledger.snapshot(), new Date(NOW));
    expect(file.journal).toEqual([
      expect.objectContaining({ day: '2026-12-04', text: 'Exported words.', promptId: 'nobody_saw_today' }),
    ]);
  });
});

describe('delete all data', () => {
  it('empties the ledger and every storage area, as after a fresh install; only from the extension’s pages', async () => {
    await send('journal/save', { text: 'Mine.' });
    await fakeBrowser.storage.sync.set({ settings: { schemaVersion: 2 } });
    await fakeBrowser.storage.local.set({
      accounts: { schemaVersion: 1, accounts: [], triggerWords: ['x'] },
      checkInsOff: true,
    });
    await fakeBrowser.storage.session.set({ reflectionRequest: { site: 'instagram', at: NOW } });
    expect(await send('data/deleteAll', {}, instagram)).toEqual({ ok: false });
    expect((await ledger.snapshot()).journal).toHaveLength(1);
    expect(await send('data/deleteAll', {})).toEqual({ ok: true });
    const snapshot = await ledger.snapshot();
    expect([snapshot.journal, snapshot.days, snapshot.unreadable]).toEqual([[], [], []]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(['reflectionRequest'])).toEqual({});
    const local = await fakeBrowser.storage.local.get(null);
    expect(local.accounts).toBeUndefined();
    expect(local.checkInsOff).toBeUndefined();
  });
});
