/**
 * Where settings live: `storage.sync`, falling back to `storage.local` when sync is
 * unavailable or refuses the write (quota, sync disabled). The one browser-facing wrapper
 * for settings; everything it decides comes from settings.ts.
 */
import { browser } from 'wxt/browser';
import { readSettings, type Settings, type SettingsReadResult } from './settings';

export const SETTINGS_KEY = 'settings';
/** Stored settings that could not be used, kept exactly as they were (storage.local). */
export const SETTINGS_KEPT_ASIDE_KEY = 'settingsKeptAside';
/** Set when the last save could only go to local storage, so the local copy wins on read. */
const LOCAL_IS_NEWER_KEY = 'settingsLocalIsNewer';

interface KeptAsideSettings {
  value: unknown;
  problem: string;
  at: number;
  /** She has seen the notice about it. */
  acknowledged: boolean;
}

/**
 * Read settings. Unusable stored settings are kept aside (never overwritten until she saves
 * new ones) and their problem is reported until she acknowledges it once.
 */
export async function loadSettings(): Promise<SettingsReadResult> {
  let stored: unknown;
  const local = await browser.storage.local.get([SETTINGS_KEY, LOCAL_IS_NEWER_KEY]);
  if (local[LOCAL_IS_NEWER_KEY] !== true) {
    try {
      stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    } catch {
      stored = undefined;
    }
  }
  stored ??= local[SETTINGS_KEY];
  const result = readSettings(stored);
  if (!result.problem || stored === undefined) return result;
  const kept = (await browser.storage.local.get(SETTINGS_KEPT_ASIDE_KEY))[SETTINGS_KEPT_ASIDE_KEY] as
    | KeptAsideSettings
    | undefined;
  if (kept && JSON.stringify(kept.value) === JSON.stringify(stored)) {
    return kept.acknowledged ? { settings: result.settings } : result;
  }
  const record: KeptAsideSettings = { value: stored, problem: result.problem, at: Date.now(), acknowledged: false };
  await browser.storage.local.set({ [SETTINGS_KEPT_ASIDE_KEY]: record });
  return result;
}

/** She read the notice about unusable settings: don't show it again for the same value. */
export async function acknowledgeSettingsProblem(): Promise<void> {
  const kept = (await browser.storage.local.get(SETTINGS_KEPT_ASIDE_KEY))[SETTINGS_KEPT_ASIDE_KEY] as
    | KeptAsideSettings
    | undefined;
  if (kept) await browser.storage.local.set({ [SETTINGS_KEPT_ASIDE_KEY]: { ...kept, acknowledged: true } });
}

export async function saveSettings(settings: Settings): Promise<'sync' | 'local'> {
  try {
    await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
    await browser.storage.local.remove(LOCAL_IS_NEWER_KEY);
    return 'sync';
  } catch {
    await browser.storage.local.set({ [SETTINGS_KEY]: settings, [LOCAL_IS_NEWER_KEY]: true });
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
