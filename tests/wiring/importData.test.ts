/**
 * Import wired to the fake browser: the background reads the file again, merges it with what is
 * there (the same record twice kept once, nothing of hers lost) or replaces it, and a bad file
 * changes nothing. Only the extension's own pages may import.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import type { Replies, ReplyOf } from '@/utils/messaging/protocol';
import { buildExport } from '@/utils/storage/exportData';
import { loadItem } from '@/utils/storage/itemStore';
import { accounts } from '@/utils/storage/items';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import { loadSettings } from '@/utils/storage/settingsStorage';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

const NOW = Date.UTC(2026, 11, 4, 20, 0);
const DAY = '2026-12-04';
let count = 0;
let ledger: LedgerStore;
const dashboard: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html') };
const send = <K extends keyof Replies>(type: K, data: unknown, who: Sender = dashboard) =>
  sendAs<ReplyOf<K>>({ type, data }, who);

useTimeZone('UTC');

beforeEach(() => {
  fakeBrowser.reset();
  count += 1;
  ledger = new LedgerStore(createStore(`import-${count}`, 'ledger'));
  startBackground(fakeBrowser as never, { ledger, now: () => NOW, batchMs: 5 });
});

/** An export of what is stored now, as the dashboard makes it. */
async function exportNow() {
  return buildExport(
    await ledger.snapshot(),
    new Date(NOW),
    (await loadItem(accounts)).value,
    (await loadSettings()).settings,
  );
}

async function seed() {
  await send('journal/save', { text: 'First words.' });
  await ledger.updateDay('day', DAY, NOW, (record) => {
    record.ms.instagram = 600_000;
  });
  await send('accounts/act', { site: 'instagram', handle: 'tidy', action: 'hide' });
}

describe('import', () => {
  it('merging the same file twice keeps each record once', async () => {
    await seed();
    const file = JSON.stringify(await exportNow());
    expect(await send('data/import', { text: file, mode: 'merge' })).toMatchObject({
      ok: true,
      summary: { entries: 1 },
    });
    expect(await send('data/import', { text: file, mode: 'merge' })).toMatchObject({ ok: true });
    const after = await exportNow();
    expect(after.journal).toHaveLength(1);
    expect(after.activeTime).toEqual([{ day: DAY, site: 'instagram', seconds: 600 }]);
    expect(after.accounts).toHaveLength(1);
  });

  it('merging keeps what she has and adds what the file has; her settings stay', async () => {
    await seed();
    const file = await exportNow();
    await send('data/deleteAll', {});
    await send('journal/save', { text: 'Written since.' });
    await fakeBrowser.storage.sync.set({
      settings: {
        ...structuredClone(DEFAULT_SETTINGS),
        boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 45 },
      },
    });
    const imported = {
      ...file,
      settings: { ...file.settings, boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 10 } },
    };
    expect(await send('data/import', { text: JSON.stringify(imported), mode: 'merge' })).toMatchObject({ ok: true });
    const after = await exportNow();
    expect(after.journal.map((entry) => entry.text).sort()).toEqual(['First words.', 'Written since.']);
    expect(after.settings?.boundaries.dailyLimitMinutes).toBe(45);
  });

  it('replacing gives back exactly what was exported, settings included', async () => {
    await seed();
    await fakeBrowser.storage.sync.set({
      settings: {
        ...structuredClone(DEFAULT_SETTINGS),
        boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 25 },
      },
    });
    const before = await exportNow();
    await send('data/deleteAll', {});
    await send('journal/save', { text: 'To be replaced.' });
    expect(await send('data/import', { text: JSON.stringify(before), mode: 'replace' })).toMatchObject({ ok: true });
    expect(await exportNow()).toEqual(before);
  });

  it('a bad file changes nothing and says why; a page can’t import', async () => {
    await seed();
    const before = await exportNow();
    const broken = JSON.stringify({ ...before, journal: [{ ...before.journal[0], text: '<script>x</script>' }] });
    expect(await send('data/import', { text: broken, mode: 'replace' })).toEqual({
      ok: false,
      problem: { code: 'invalid', path: 'journal.0.text' },
    });
    expect(await send('data/import', { text: '{"format":', mode: 'merge' })).toEqual({
      ok: false,
      problem: { code: 'not-json' },
    });
    expect(
      await send(
        'data/import',
        { text: JSON.stringify(before), mode: 'replace' },
        sender('https://www.instagram.com/'),
      ),
    ).toEqual({
      ok: false,
      problem: { code: 'not-here' },
    });
    expect(await exportNow()).toEqual(before);
  });
});
