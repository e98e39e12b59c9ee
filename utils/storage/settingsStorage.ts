/**
 * Where settings live: `storage.sync`, falling back to `storage.local` when sync is
 * unavailable or refuses the write (quota, sync disabled). The one browser-facing wrapper for
 * settings; what a stored value means comes from settings.ts, where it is kept from items.ts.
 * Reading never writes (every page reads settings); the background keeps an unreadable value
 * aside (entrypoints/background/main.ts) and the popup tells her once.
 */
import { browser } from 'wxt/browser';
import { getRaw } from './itemStore';
import { localSettings, localSettingsWin, readItem, syncedSettings } from './items';
import { readSettings, type Settings, type SettingsReadResult } from './settings';

/** The three items that decide the settings in force. */
export const SETTINGS_ITEMS = [syncedSettings, localSettings, localSettingsWin] as const;

export interface StoredSettings {
  /** The stored value in force, exactly as stored (undefined: none saved yet). */
  raw: unknown;
  /** Which item it came from. */
  from: typeof syncedSettings | typeof localSettings;
}

/**
 * Which stored copy is in force: the local one after a save that could only go there, otherwise
 * the synced one, and the local one when sync has none.
 */
export function settingsInForce(syncRaw: unknown, localRaw: unknown, localWinsRaw: unknown): StoredSettings {
  const localWins = readItem(localSettingsWin, localWinsRaw).value;
  if (!localWins && syncRaw !== undefined && syncRaw !== null) return { raw: syncRaw, from: syncedSettings };
  return { raw: localRaw, from: localSettings };
}

export interface LoadedSettings extends SettingsReadResult, StoredSettings {}

/** The settings in force, read from their raw stored values (see `SETTINGS_ITEMS`). */
export function settingsFromRaw(syncRaw: unknown, localRaw: unknown, localWinsRaw: unknown): LoadedSettings {
  const stored = settingsInForce(syncRaw, localRaw, localWinsRaw);
  return { ...stored, ...readSettings(stored.raw) };
}

/** Read the settings in force. Never writes. */
export async function loadSettings(): Promise<LoadedSettings> {
  const [syncRaw, localRaw, localWinsRaw] = await getRaw(SETTINGS_ITEMS);
  return settingsFromRaw(syncRaw, localRaw, localWinsRaw);
}

/**
 * Applies `change` to the settings as stored at this moment and saves the result, so a change
 * made meanwhile elsewhere (another page, the background, sync) is kept. Resolves with what was saved.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change((await loadSettings()).settings);
  await saveSettings(next);
  return next;
}

export async function saveSettings(settings: Settings): Promise<'sync' | 'local'> {
  try {
    await browser.storage.sync.set({ [syncedSettings.key]: settings });
    await browser.storage.local.remove(localSettingsWin.key);
    return 'sync';
  } catch {
    await browser.storage.local.set({ [localSettings.key]: settings, [localSettingsWin.key]: true });
    return 'local';
  }
}
