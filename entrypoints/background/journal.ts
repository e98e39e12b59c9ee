/**
 * The background's side of the journal: it alone writes entries to the ledger (one queue, so
 * two quick saves never overwrite each other), and only extension pages may read or change them.
 */
import {
  type FiledEntry,
  type JournalEntry,
  MAX_ENTRIES_PER_DAY,
  MAX_ENTRY_CHARS,
  newestEntries,
} from '@/utils/journal/entries';
import type { JournalReply } from '@/utils/messaging/protocol';
import type { Handlers, MessageSender } from '@/utils/messaging/router';
import { getSite } from '@/utils/sites/registry';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { dayKeyOf, isDayKey } from '@/utils/time/day';
import { createSerialQueue } from './serial';

interface JournalDeps {
  ledger: LedgerStore;
  now: () => number;
  settings: () => Promise<Settings>;
  fromOwnPage: (sender: MessageSender) => boolean;
  random?: () => number;
}

const refuse = (reason: Extract<JournalReply, { ok: false }>['reason']): JournalReply => ({ ok: false, reason });

/** Why this text can't be an entry, if it can't. */
export function textRefusal(text: string): 'empty' | 'too-long' | undefined {
  if (text.trim() === '') return 'empty';
  return text.length > MAX_ENTRY_CHARS ? 'too-long' : undefined;
}

export function createJournal({ ledger, now, settings, fromOwnPage, random = Math.random }: JournalDeps) {
  const serial = createSerialQueue();

  const newId = (at: number) =>
    `j${at.toString(36)}${Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0')}`;

  /** Add an entry to the day it was written (the caller has checked its words). */
  function add(fields: Omit<JournalEntry, 'id' | 'at'>): Promise<JournalReply> {
    return serial(async () => {
      const at = now();
      const day = dayKeyOf(at, (await settings()).tracking.dayStartHour);
      const entry: JournalEntry = { id: newId(at), at, ...fields };
      let full = false;
      await ledger.updateDay('journal', day, at, (record) => {
        if (record.entries.length >= MAX_ENTRIES_PER_DAY) full = true;
        else record.entries.push(entry);
      });
      return full ? refuse('day-full') : { ok: true, entry: { ...entry, day } };
    });
  }

  /** Change one entry in place; `not-found` when it is not there (deleted elsewhere meanwhile). */
  function change(
    day: string,
    id: string,
    edit: (entry: JournalEntry) => void,
    { edited = true } = {},
  ): Promise<FiledEntry | undefined> {
    if (!isDayKey(day)) return Promise.resolve(undefined);
    return serial(async () => {
      let changed: FiledEntry | undefined;
      const at = now();
      await ledger.updateDay('journal', day, at, (record) => {
        const entry = record.entries.find((candidate) => candidate.id === id);
        if (!entry) return;
        edit(entry);
        if (edited) entry.editedAt = at;
        changed = { ...entry, day };
      });
      return changed;
    });
  }

  const handlers: Pick<Handlers, 'journal/save' | 'journal/recent' | 'journal/edit' | 'journal/delete'> = {
    'journal/save': async ({ text, promptId, site }, sender) => {
      if (!fromOwnPage(sender)) return refuse('not-here');
      const refusal = textRefusal(text);
      if (refusal) return refuse(refusal);
      return add({ text, ...(promptId ? { promptId } : {}), ...(site && getSite(site) ? { site } : {}) });
    },

    'journal/recent': async ({ limit }, sender) => {
      if (!fromOwnPage(sender)) return { entries: [], unreadable: 0 };
      // An entry a day at most is the common case; a day with several fills the list sooner.
      const { records, unreadable } = await ledger.readLatest('journal', limit);
      return { entries: newestEntries(records.values(), limit), unreadable: unreadable.length };
    },

    'journal/edit': async ({ day, id, text }, sender) => {
      if (!fromOwnPage(sender)) return refuse('not-here');
      const refusal = textRefusal(text);
      if (refusal) return refuse(refusal);
      const entry = await change(day, id, (found) => {
        found.text = text;
      });
      return entry ? { ok: true, entry } : refuse('not-found');
    },

    'journal/delete': async ({ day, id }, sender) => {
      if (!fromOwnPage(sender) || !isDayKey(day)) return { ok: false };
      return serial(async () => {
        let found = false;
        await ledger.updateDay('journal', day, now(), (record) => {
          const index = record.entries.findIndex((entry) => entry.id === id);
          if (index >= 0) {
            record.entries.splice(index, 1);
            found = true;
          }
        });
        return { ok: found };
      });
    },
  };

  return { handlers, add, change };
}
