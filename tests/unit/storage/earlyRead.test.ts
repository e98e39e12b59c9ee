import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EARLY_READ, readAreas, startEarlyRead, takeEarlyRead } from '@/utils/storage/earlyRead';
import { getRaw } from '@/utils/storage/itemStore';
import { boundaryDay, journalDraft, reflectionRequest, syncedSettings } from '@/utils/storage/items';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the early read', () => {
  it('reads each area whole, in one ask per area', async () => {
    await fakeBrowser.storage.sync.set({ settings: { schemaVersion: 1 } });
    await fakeBrowser.storage.local.set({ boundaryDay: { day: '2026-12-05' }, journalDraft: 'Today I…' });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const snapshot = await readAreas(['sync', 'local', 'session']);
    expect(snapshot).toEqual({
      sync: { settings: { schemaVersion: 1 } },
      local: { boundaryDay: { day: '2026-12-05' }, journalDraft: 'Today I…' },
      session: {},
    });
    expect(local).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('leaves out an area that could not be read (its items are asked for again)', async () => {
    await fakeBrowser.storage.sync.set({ settings: { schemaVersion: 1 } });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is unavailable'));
    expect(await readAreas(['sync', 'local'])).toEqual({ sync: { settings: { schemaVersion: 1 } } });
  });

  it('is left on the page by the first script and taken once by the popup', async () => {
    await fakeBrowser.storage.local.set({ journalDraft: 'Today I…' });
    const page: Record<string, unknown> = {};
    startEarlyRead(page);
    expect(page[EARLY_READ]).toBeInstanceOf(Promise);
    const early = takeEarlyRead(page);
    expect(await early).toMatchObject({ local: { journalDraft: 'Today I…' } });
    // A later read asks storage afresh.
    expect(takeEarlyRead(page)).toBeUndefined();
  });

  it('reads nothing when the first script runs only after the popup came for it', () => {
    const page: Record<string, unknown> = {};
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(takeEarlyRead(page)).toBeUndefined();
    startEarlyRead(page);
    expect(page[EARLY_READ]).toBeNull();
    expect(get).not.toHaveBeenCalled();
  });

  it('counts as none when it failed, or when the page holds something else under its name', async () => {
    const failed: Record<string, unknown> = { [EARLY_READ]: Promise.reject(new Error('no storage')) };
    expect(await takeEarlyRead(failed)).toBeUndefined();
    expect(takeEarlyRead({ [EARLY_READ]: { local: {} } })).toBeUndefined();
  });
});

describe('reading items from an early read', () => {
  it('takes the items of the areas it holds from it, and asks storage only for the others', async () => {
    await fakeBrowser.storage.local.set({ journalDraft: 'what storage holds now' });
    await fakeBrowser.storage.session.set({ reflectionRequest: { at: 1 } });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const raw = await getRaw([syncedSettings, boundaryDay, journalDraft, reflectionRequest], {
      sync: { settings: { schemaVersion: 1 } },
      local: { journalDraft: 'what was read early' },
    });
    expect(raw).toEqual([{ schemaVersion: 1 }, undefined, 'what was read early', { at: 1 }]);
    expect(local).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();
    expect(session).toHaveBeenCalledExactlyOnceWith(['reflectionRequest']);
  });
});
