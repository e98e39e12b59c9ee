/**
 * The background's reads of stored items: an unreadable value is kept aside in the ledger's
 * keep-aside store (the same one the ledger's own records use) and the fallback is used. For
 * state the background owns, the unreadable value is then removed, so it is kept aside once; the
 * settings stay where they are (another browser with a newer version may still read them).
 */

import { loadItem, removeItem } from '@/utils/storage/itemStore';
import type { StoredItem } from '@/utils/storage/items';
import { keptAsideEntry, readOrKeepAside } from '@/utils/storage/keptAside';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { RecordProblem } from '@/utils/storage/recordKind';

export function createItemReader(ledger: LedgerStore, now: () => number) {
  /** Keep `raw`, found in `item`, aside as unreadable for `problem`. */
  const keepAside = (item: StoredItem<unknown>, raw: unknown, problem: RecordProblem) =>
    ledger.keepAside(keptAsideEntry(item.id, raw, problem, now()));

  return {
    keepAside,
    /** Read `item`; an unreadable value is kept aside and removed, and the fallback used. */
    async readOwned<T>(item: StoredItem<T>): Promise<T> {
      const { raw } = await loadItem(item);
      let unreadable: Parameters<LedgerStore['keepAside']>[0] | undefined;
      const value = readOrKeepAside(
        item.id,
        raw,
        item.read,
        item.fallback,
        (entry) => {
          unreadable = entry;
        },
        now(),
      );
      if (unreadable) {
        await ledger.keepAside(unreadable);
        await removeItem(item as StoredItem<unknown>);
      }
      return value;
    },
  };
}

export type ItemReader = ReturnType<typeof createItemReader>;
