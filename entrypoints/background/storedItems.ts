/**
 * The background's reads of stored items: an unreadable value is kept aside in the ledger's
 * keep-aside store (the same one the ledger's own records use) and the fallback is used. The
 * value stays where it is until the next write replaces it: removing it here could race with
 * that write. Keeping the same value aside again leaves one entry (keptAside.ts).
 */

import { loadItem } from '@/utils/storage/itemStore';
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
    /** Read `item`; an unreadable value is kept aside and the fallback used. */
    async read<T>(item: StoredItem<T>): Promise<T> {
      const { raw } = await loadItem(item);
      const kept: Promise<void>[] = [];
      const value = readOrKeepAside(
        item.id,
        raw,
        item.read,
        item.fallback,
        (entry) => kept.push(ledger.keepAside(entry)),
        now(),
      );
      await Promise.all(kept);
      return value;
    },
  };
}

export type ItemReader = ReturnType<typeof createItemReader>;
