import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import {
  acknowledgeSettingsProblem,
  loadSettings,
  SETTINGS_KEPT_ASIDE_KEY,
  saveSettings,
} from '@/utils/storage/settingsStorage';

const corrupt = { schemaVersion: 2, tracking: { idleThresholdSeconds: -1, dayStartHour: 4 } };

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

  it('keeps unusable settings aside, tells once, and uses safe defaults', async () => {
    await fakeBrowser.storage.sync.set({ settings: corrupt });
    const first = await loadSettings();
    expect(first.settings).toEqual(DEFAULT_SETTINGS);
    expect(first.problem).toContain('between 10 seconds and 30 minutes');
    const kept = (await fakeBrowser.storage.local.get(SETTINGS_KEPT_ASIDE_KEY))[SETTINGS_KEPT_ASIDE_KEY];
    expect(kept).toMatchObject({ value: corrupt, acknowledged: false });
    // The original is still where it was: nothing is lost.
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(corrupt);

    expect((await loadSettings()).problem).toBeDefined();
    await acknowledgeSettingsProblem();
    expect((await loadSettings()).problem).toBeUndefined();
  });
});
