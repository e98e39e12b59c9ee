/**
 * The background's side of "Your data": import an export file (read again here, never trusted
 * from the page) by merging or replacing, and delete everything. Only the extension's own pages
 * may ask. Afterwards the background reads its settings again and publishes fresh numbers.
 */
import type { browser } from 'wxt/browser';
import type { Handlers, MessageSender } from '@/utils/messaging/router';
import { mergeAccounts, mergeRecord, readImport, typeOf } from '@/utils/storage/importData';
import { removeItem, saveItem } from '@/utils/storage/itemStore';
import { accounts as accountsItem } from '@/utils/storage/items';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import { saveSettings } from '@/utils/storage/settingsStorage';
import type { ItemReader } from './storedItems';

interface DataDeps {
  api: typeof browser;
  ledger: LedgerStore;
  items: ItemReader;
  fromOwnPage: (sender: MessageSender) => boolean;
  dayStartHour: () => Promise<number>;
  afterChange: () => Promise<void>;
}

export function createData({ api, ledger, items, fromOwnPage, dayStartHour, afterChange }: DataDeps) {
  const handlers: Pick<Handlers, 'data/deleteAll' | 'data/import'> = {
    'data/import': async ({ text, mode }, sender) => {
      if (!fromOwnPage(sender)) return { ok: false, problem: { code: 'not-here' } };
      const read = readImport(text, await dayStartHour());
      if (!read.ok) return { ok: false, problem: read.problem };
      const plan = read.value;
      try {
        if (mode === 'replace') {
          await ledger.importRecords(plan.records, { replace: true });
          if (plan.accounts) await saveItem(accountsItem, plan.accounts);
          else await removeItem(accountsItem);
          if (plan.settings) await saveSettings(plan.settings);
        } else {
          await ledger.mergeRecords(plan.records, (key, stored, incoming) => {
            const type = typeOf(key);
            return type ? mergeRecord(type, stored, incoming) : stored;
          });
          const merged = mergeAccounts((await items.read(accountsItem)) ?? null, plan.accounts);
          if (merged) await saveItem(accountsItem, merged);
        }
        for (const entry of plan.keptAside) await ledger.keepAside(entry);
      } catch (error) {
        console.error(error);
        return { ok: false, problem: { code: 'failed' } };
      }
      await afterChange();
      return { ok: true, summary: plan.summary };
    },

    // Everything this extension keeps, in every storage area; afterwards as after a fresh install.
    'data/deleteAll': async (_data, sender) => {
      if (!fromOwnPage(sender)) return { ok: false };
      await ledger.deleteAll();
      await Promise.all([api.storage.local.clear(), api.storage.sync.clear(), api.storage.session?.clear()]);
      await afterChange();
      return { ok: true };
    },
  };

  return { handlers };
}
