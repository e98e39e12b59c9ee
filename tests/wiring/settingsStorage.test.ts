import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settingsStorage';

const corrupt = { schemaVersion: 2, tracking: { idleThresholdSeconds: -1, dayStartHour: 4 } };
let databases = 0;

describe('settings storage', () => {
  it('saves to sync and reads back', async () => {
    const settings = { ...structuredClone(DEFAULT_SETTINGS), nudges: { frequency: 'off' as const } };
    expect(await saveSettings(settings)).toBe('sync');
    expect((await loadSettings()).settings).toEqual(settings);
  });

  it('falls back to local storage when sync refuses the write', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const changed = { ...structuredClone(DEFAULT_SETTINGS), nudges: { frequency: 'frequent' as const } };
    expect(await saveSettings(changed)).toBe('local');
    // The newer local copy wins over the older one still in sync.
    expect((await loadSettings()).settings).toEqual(changed);
  });

  it('reads unusable settings as safe defaults with why, and never writes while reading', async () => {
    await fakeBrowser.storage.sync.set({ settings: corrupt });
    const setLocal = vi.spyOn(fakeBrowser.storage.local, 'set');
    const setSync = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toEqual({ code: 'invalid', path: 'tracking.idleThresholdSeconds' });
    expect(loaded.raw).toEqual(corrupt);
    expect(setLocal).not.toHaveBeenCalled();
    expect(setSync).not.toHaveBeenCalled();
  });

  it('says a newer version wrote them, and reads a version 1 copy by migrating it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...structuredClone(DEFAULT_SETTINGS), schemaVersion: 3 } });
    expect((await loadSettings()).problem).toEqual({ code: 'newer-version', version: 3 });
    await fakeBrowser.storage.sync.set({
      settings: { schemaVersion: 1, tracking: { idleThresholdSeconds: 90, dayStartHour: 5 } },
    });
    const loaded = await loadSettings();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, tracking: { idleThresholdSeconds: 90, dayStartHour: 5 } });
  });

  it('the background keeps unusable settings aside once, and leaves the original where it was', async () => {
    await fakeBrowser.storage.sync.set({ settings: corrupt });
    databases += 1;
    const ledger = new LedgerStore(createStore(`settings-${databases}`, 'ledger'));
    startBackground(fakeBrowser as never, { ledger, batchMs: 5 });
    await vi.waitFor(async () => expect((await ledger.snapshot()).unreadable).toHaveLength(1));
    // Settings change events and a restart read them again: still one copy kept aside.
    await fakeBrowser.storage.local.set({ settingsLocalIsNewer: false });
    startBackground(fakeBrowser as never, { ledger, batchMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await ledger.snapshot()).unreadable).toEqual([
      { key: 'sync:settings', reason: 'invalid tracking.idleThresholdSeconds', at: expect.any(Number), value: corrupt },
    ]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(corrupt);
  });
});
