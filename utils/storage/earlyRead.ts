/**
 * Storage read as early as a page can: the popup's first script (`entrypoints/popup-read`, under
 * 1 KB, loaded `async` ahead of the popup's own code) asks for whole storage areas
 * at once and leaves the promise on the page; the popup picks its items from that read instead
 * of asking again once its code has loaded. The two overlap: by the time the popup's code runs,
 * its data is usually there.
 */
import { browser } from 'wxt/browser';
import type { StorageAreaName } from './items';

/** Whole storage areas as read: each a map of key to stored value. */
export type StorageSnapshot = Partial<Record<StorageAreaName, Record<string, unknown>>>;

/** The page global the early read is left under. */
export const EARLY_READ = 'outsideTheFrameEarlyRead';

/** The whole of each area (an area that can't be read is left out: its items are asked for again). */
export async function readAreas(areas: readonly StorageAreaName[]): Promise<StorageSnapshot> {
  const snapshot: StorageSnapshot = {};
  await Promise.all(
    areas.map(async (area) => {
      const stored = await browser.storage[area]?.get(null).catch(() => undefined);
      if (stored && typeof stored === 'object') snapshot[area] = stored;
    }),
  );
  return snapshot;
}

/**
 * Starts the early read and leaves it on the page (the popup's first script), unless the popup
 * has come for it already: having found none, it reads storage itself.
 */
export function startEarlyRead(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>) {
  if (EARLY_READ in scope) return;
  scope[EARLY_READ] = readAreas(['sync', 'local', 'session']);
}

/**
 * The early read, if the first script has run, taken (so it is used once: a later read asks
 * storage afresh); a failed one counts as none. Either way the page is marked as read, so a
 * first script that runs only now reads nothing.
 */
export function takeEarlyRead(
  scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): Promise<StorageSnapshot | undefined> | undefined {
  const early = scope[EARLY_READ];
  scope[EARLY_READ] = null;
  return early instanceof Promise ? early.catch(() => undefined) : undefined;
}
