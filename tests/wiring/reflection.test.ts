/**
 * The one-click reflection's Save, wired to the fake browser: the entry and its boundary land
 * together or not at all (a boundary that can't be applied leaves no entry; an entry that can't
 * be written takes its boundary back), undo takes the boundary back and keeps the entry, and
 * the context the flow opens with comes from today's time and exposure.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import type { Replies, ReplyOf } from '@/utils/messaging/protocol';
import { loadItem } from '@/utils/storage/itemStore';
import { accounts, boundaryDay } from '@/utils/storage/items';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { loadSettings } from '@/utils/storage/settingsStorage';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

/** Friday 4 December 2026, 20:00 UTC. */
const NOW = Date.UTC(2026, 11, 4, 20, 0);
const NEXT_DAY_START = Date.UTC(2026, 11, 5, 4, 0);
let clock = NOW;
let count = 0;
let ledger: LedgerStore;

const frame: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/reflect.html?site=instagram') };
const instagram = sender('https://www.instagram.com/');

const send = <K extends keyof Replies>(type: K, data: unknown, who: Sender = frame) =>
  sendAs<ReplyOf<K>>({ type, data }, who);

const reflection = (choice?: object, extra: object = {}) => ({
  site: 'instagram',
  feelings: ['compared'],
  text: 'Kitchens again.',
  fed: 'Instagram',
  ...(choice ? { choice } : {}),
  ...extra,
});

async function withSettings(boundaries: Partial<Settings['boundaries']>) {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.boundaries = { ...settings.boundaries, ...boundaries };
  await fakeBrowser.storage.sync.set({ settings });
}

const boundariesNow = async () => (await loadSettings()).settings.boundaries;
const journal = async () => (await ledger.snapshot()).journal.flatMap((day) => day.entries);

useTimeZone('UTC');

beforeEach(async () => {
  fakeBrowser.reset();
  clock = NOW;
  count += 1;
  ledger = new LedgerStore(createStore(`reflection-${count}`, 'ledger'));
  startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
});

describe('one Save: the entry and its boundary together', () => {
  it('lowers a site limit and keeps the entry with what it replaced', async () => {
    await withSettings({ siteLimits: { instagram: 15 } });
    const reply = await send('reflection/save', reflection({ kind: 'site-limit', site: 'instagram', minutes: 10 }));
    expect(reply).toMatchObject({
      ok: true,
      applied: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 },
      entry: { site: 'instagram', feelings: ['compared'], text: 'Kitchens again.', fed: 'Instagram' },
    });
    expect((await boundariesNow()).siteLimits).toEqual({ instagram: 10 });
    expect(await journal()).toEqual([
      expect.objectContaining({ boundary: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 } }),
    ]);
  });

  it('sets a first overall limit, recording that there was none', async () => {
    const reply = await send('reflection/save', reflection({ kind: 'daily-limit', minutes: 30 }));
    expect(reply).toMatchObject({ ok: true, applied: { kind: 'daily-limit', minutes: 30, before: null } });
    expect((await boundariesNow()).dailyLimitMinutes).toBe(30);
  });

  it('hides accounts, claiming only those it hid', async () => {
    await fakeBrowser.storage.local.set({
      accounts: { schemaVersion: 1, accounts: [{ site: 'instagram', handle: 'tidy', hiddenAt: 1 }], triggerWords: [] },
    });
    const reply = await send(
      'reflection/save',
      reflection({ kind: 'hide-accounts', site: 'instagram', handles: ['tidy', 'maple'] }),
    );
    expect(reply).toMatchObject({
      ok: true,
      applied: { kind: 'hide-accounts', site: 'instagram', handles: ['maple'] },
    });
    const hidden = (await loadItem(accounts)).value?.accounts.filter((mark) => mark.hiddenAt !== undefined);
    expect(hidden?.map((mark) => mark.handle).sort()).toEqual(['maple', 'tidy']);
  });

  it('makes the rest of today feed-free until her day starts', async () => {
    const reply = await send('reflection/save', reflection({ kind: 'feed-free-tonight' }));
    expect(reply).toMatchObject({ ok: true, applied: { kind: 'feed-free-tonight', until: NEXT_DAY_START } });
    expect((await loadItem(boundaryDay)).value).toMatchObject({ day: '2026-12-04', feedFreeRestOfDay: true });
  });

  it('adds a recurring feed-free time from a preset, named in her language', async () => {
    const reply = await send('reflection/save', reflection({ kind: 'feed-free-time', preset: 'evenings' }));
    expect(reply).toMatchObject({ ok: true, applied: { kind: 'feed-free-time', start: '21:00', end: '07:00' } });
    expect((await boundariesNow()).feedFreeWindows).toEqual([
      expect.objectContaining({ start: '21:00', end: '07:00', days: [0, 1, 2, 3, 4, 5, 6], label: 'Evenings' }),
    ]);
  });

  it('saves a reflection without a boundary, and refuses one that says nothing', async () => {
    expect(await send('reflection/save', reflection())).toMatchObject({ ok: true, applied: null });
    expect(await send('reflection/save', { site: 'instagram', feelings: [], text: ' ', fed: '' })).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(await journal()).toHaveLength(1);
  });

  it('when the boundary can’t be applied (storage full), keeps no entry and says why', async () => {
    await withSettings({ siteLimits: { instagram: 15 } });
    const full = new Error('QUOTA_BYTES quota exceeded');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(full);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(full);
    const reply = await send('reflection/save', reflection({ kind: 'site-limit', site: 'instagram', minutes: 10 }));
    expect(reply).toEqual({ ok: false, reason: 'boundary-failed' });
    expect(await journal()).toEqual([]);
    expect((await boundariesNow()).siteLimits).toEqual({ instagram: 15 });
  });

  it('when the entry can’t be written, takes the boundary back: nothing half-applied remains', async () => {
    await withSettings({ siteLimits: { instagram: 15 }, dailyLimitMinutes: 40 });
    const updateDay = ledger.updateDay.bind(ledger);
    vi.spyOn(ledger, 'updateDay').mockImplementation(async (type, ...rest) => {
      if (type === 'journal') throw new Error('IndexedDB is unavailable');
      return updateDay(type, ...rest);
    });
    for (const choice of [
      { kind: 'site-limit', site: 'instagram', minutes: 10 },
      { kind: 'daily-limit', minutes: 35 },
      { kind: 'feed-free-time', preset: 'dinner' },
      { kind: 'hide-accounts', site: 'instagram', handles: ['maple'] },
      { kind: 'feed-free-tonight' },
    ]) {
      expect(await send('reflection/save', reflection(choice))).toEqual({ ok: false, reason: 'entry-failed' });
    }
    const boundaries = await boundariesNow();
    expect(boundaries.siteLimits).toEqual({ instagram: 15 });
    expect(boundaries.dailyLimitMinutes).toBe(40);
    expect(boundaries.feedFreeWindows).toEqual([]);
    expect((await loadItem(accounts)).value?.accounts.some((mark) => mark.hiddenAt !== undefined) ?? false).toBe(false);
    expect((await loadItem(boundaryDay)).value?.feedFreeRestOfDay).toBeUndefined();
  });

  it('refuses a thirteenth feed-free time with a reason, applying nothing', async () => {
    const windows = Array.from({ length: 12 }, (_, i) => ({
      id: `w${i}`,
      start: `${String(i + 1).padStart(2, '0')}:00`,
      end: `${String(i + 1).padStart(2, '0')}:30`,
      days: [0],
      label: '',
    }));
    await withSettings({ feedFreeWindows: windows });
    expect(await send('reflection/save', reflection({ kind: 'feed-free-time', preset: 'dinner' }))).toEqual({
      ok: false,
      reason: 'too-many-windows',
    });
    expect(await journal()).toEqual([]);
  });

  it('answers only the extension’s own pages', async () => {
    expect(await send('reflection/save', reflection({ kind: 'daily-limit', minutes: 5 }), instagram)).toEqual({
      ok: false,
      reason: 'not-here',
    });
    expect((await boundariesNow()).dailyLimitMinutes).toBeNull();
  });
});

describe('undo', () => {
  it('takes the boundary back and keeps the entry, which no longer claims it', async () => {
    await withSettings({ siteLimits: { instagram: 15 } });
    const reply = await send('reflection/save', reflection({ kind: 'site-limit', site: 'instagram', minutes: 10 }));
    if (!reply?.ok) throw new Error('not saved');
    expect(await send('reflection/undo', { day: reply.entry.day, id: reply.entry.id })).toEqual({ ok: true });
    expect((await boundariesNow()).siteLimits).toEqual({ instagram: 15 });
    const [entry] = await journal();
    expect(entry?.boundary).toBeUndefined();
    expect(entry?.editedAt).toBeUndefined();
    expect(entry?.text).toBe('Kitchens again.');
    expect(await send('reflection/undo', { day: reply.entry.day, id: reply.entry.id })).toEqual({ ok: false });
  });

  it('leaves a limit she changed again since', async () => {
    const reply = await send('reflection/save', reflection({ kind: 'daily-limit', minutes: 30 }));
    if (!reply?.ok) throw new Error('not saved');
    await withSettings({ dailyLimitMinutes: 20 });
    expect(await send('reflection/undo', { day: reply.entry.day, id: reply.entry.id })).toEqual({ ok: true });
    expect((await boundariesNow()).dailyLimitMinutes).toBe(20);
  });

  it('opens feeds again after "the rest of today", and shows hidden accounts again', async () => {
    const tonight = await send('reflection/save', reflection({ kind: 'feed-free-tonight' }));
    const hide = await send(
      'reflection/save',
      reflection({ kind: 'hide-accounts', site: 'instagram', handles: ['maple'] }),
    );
    if (!tonight?.ok || !hide?.ok) throw new Error('not saved');
    await send('reflection/undo', { day: tonight.entry.day, id: tonight.entry.id });
    await send('reflection/undo', { day: hide.entry.day, id: hide.entry.id });
    expect((await loadItem(boundaryDay)).value?.feedFreeRestOfDay).toBeUndefined();
    expect(
      (await loadItem(accounts)).value?.accounts.find((mark) => mark.handle === 'maple')?.hiddenAt,
    ).toBeUndefined();
  });
});

describe('context', () => {
  it('gives the site, today’s minutes there and its top comparison-trap accounts not yet hidden', async () => {
    await ledger.updateDay('exposure', '2026-12-04', NOW, (record) => {
      record.accounts.push(
        { site: 'instagram', handle: 'maple', name: 'Maple', trapPosts: 2, seconds: 10, lastSeen: NOW, themes: {} },
        { site: 'instagram', handle: 'tidy', trapPosts: 5, seconds: 10, lastSeen: NOW, themes: {} },
        { site: 'instagram', handle: 'hidden', trapPosts: 9, seconds: 10, lastSeen: NOW, themes: {} },
        { site: 'x', handle: 'river', trapPosts: 9, seconds: 10, lastSeen: NOW, themes: {} },
      );
    });
    await ledger.updateDay('day', '2026-12-04', NOW, (record) => {
      record.ms.instagram = 23 * 60_000 + 30_000;
    });
    await fakeBrowser.storage.local.set({
      accounts: {
        schemaVersion: 1,
        accounts: [{ site: 'instagram', handle: 'hidden', hiddenAt: 1 }],
        triggerWords: [],
      },
    });
    const context = await send('reflection/context', { site: 'instagram' });
    expect(context).toMatchObject({
      site: { id: 'instagram', name: 'Instagram' },
      siteMinutesToday: 23,
      hour: 20,
      dayStartHour: 4,
      topAccounts: [
        { handle: 'tidy', trapPosts: 5 },
        { handle: 'maple', name: 'Maple', trapPosts: 2 },
      ],
    });
    expect(await send('reflection/context', {})).toMatchObject({ siteMinutesToday: 0, topAccounts: [] });
    expect(await send('reflection/context', { site: 'instagram' }, instagram)).not.toHaveProperty('site');
  });
});

describe('from a mute suggestion', () => {
  it('"Reflect on this" on a feed page asks for the reflection for that site and opens the popup', async () => {
    const openPopup = vi.fn(async () => {});
    (fakeBrowser.action as unknown as { openPopup: typeof openPopup }).openPopup = openPopup;
    expect(await send('posts/reflect', {}, instagram)).toEqual({ ok: true });
    expect((await fakeBrowser.storage.session.get('reflectionRequest')).reflectionRequest).toEqual({
      site: 'instagram',
      at: NOW,
    });
    expect(openPopup).toHaveBeenCalledOnce();
  });

  it('where the popup can’t open, opens it in a tab; not from a page that is not a feed site', async () => {
    (fakeBrowser.action as unknown as { openPopup: () => Promise<void> }).openPopup = async () => {
      throw new Error('no popup here');
    };
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await send('posts/reflect', {}, instagram)).toEqual({ ok: true });
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(await send('posts/reflect', {}, sender('https://example.com/'))).toEqual({ ok: false });
  });
});
