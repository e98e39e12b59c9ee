/**
 * Reading, writing and watching the stored items of items.ts through `browser.storage`: one
 * `get` per storage area for any number of items, and one `storage.onChanged` listener for any
 * number of watched items. Reading never writes; keeping an unreadable value aside is the
 * caller's choice (only the background and extension pages do, through the ledger).
 */
import { browser } from 'wxt/browser';
import type { StorageSnapshot } from './earlyRead';
import { type ItemRead, readItem, type StorageAreaName, type StoredItem } from './items';

/**
 * Raw stored values of `items`, in their order (undefined when absent or the area is missing);
 * taken from `snapshot` for the areas it holds whole.
 */
export async function getRaw(items: readonly StoredItem<unknown>[], snapshot?: StorageSnapshot): Promise<unknown[]> {
  const byArea = new Map<StorageAreaName, string[]>();
  for (const item of items) byArea.set(item.area, [...(byArea.get(item.area) ?? []), item.key]);
  const values = new Map<string, unknown>();
  await Promise.all(
    [...byArea].map(async ([area, keys]) => {
      const stored = snapshot?.[area] ?? (await browser.storage[area]?.get(keys).catch(() => undefined));
      for (const key of keys) values.set(`${area}:${key}`, stored?.[key]);
    }),
  );
  return items.map((item) => values.get(item.id));
}

/** Read one item (never writes). */
export async function loadItem<T>(item: StoredItem<T>): Promise<ItemRead<T> & { raw: unknown }> {
  const [raw] = await getRaw([item as StoredItem<unknown>]);
  return { ...readItem(item, raw), raw };
}

export async function saveItem<T>(item: StoredItem<T>, value: T): Promise<void> {
  await browser.storage[item.area].set({ [item.key]: value });
}

export async function removeItem(item: StoredItem<unknown>): Promise<void> {
  await browser.storage[item.area].remove(item.key);
}

/**
 * Call `listener` with the items among `items` that changed (and their new raw values), from
 * one `storage.onChanged` subscription. Returns the unsubscribe function.
 */
export function watchItems(
  items: readonly StoredItem<unknown>[],
  listener: (changed: Map<StoredItem<unknown>, unknown>) => void,
): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const changed = new Map<StoredItem<unknown>, unknown>();
    for (const item of items) {
      if (item.area === area && Object.hasOwn(changes, item.key)) changed.set(item, changes[item.key]?.newValue);
    }
    if (changed.size > 0) listener(changed);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
