/**
 * Where settings live: `storage.sync`, falling back to `storage.local` when sync is
 * unavailable or refuses the write (quota, sync disabled). The one browser-facing wrapper
 * for settings; everything it decides comes from settings.ts.
 */
import { browser } from 'wxt/browser';
import { readSettings, type Settings, type SettingsReadResult } from './settings';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<SettingsReadResult> {
  let stored: unknown;
  try {
    stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    stored = undefined;
  }
  if (stored === undefined) {
    stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  }
  return readSettings(stored);
}

export async function saveSettings(settings: Settings): Promise<'sync' | 'local'> {
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
    return 'sync';
  } catch {
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
    return 'local';
  }
}

/** Call `listener` with fresh settings whenever they change in either area. */
export function watchSettings(listener: (result: SettingsReadResult) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
