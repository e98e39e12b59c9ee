/**
 * Journal entries: what she wrote (after a prompt, or in a reflection), when, where she was,
 * and the boundary she set with it. Kept in the ledger by the day they were written
 * (`journal/<YYYY-MM-DD>`, records.ts), on this device only, until she deletes them. Pure.
 */
import * as v from 'valibot';
import { type DayKey, isDayKey } from '../time/day';

export const JOURNAL_SCHEMA_VERSION = 1;
/** Characters in one entry, at most (a long page of writing). */
export const MAX_ENTRY_CHARS = 10_000;
/** Characters in "What fed it?", at most. */
export const MAX_FED_CHARS = 500;
/** Entries written on one day, at most. */
export const MAX_ENTRIES_PER_DAY = 200;
/** The feeling words a reflection offers to tap. */
export const FEELINGS = ['compared', 'behind', 'guilty', 'tired', 'fine'] as const;
export type Feeling = (typeof FEELINGS)[number];

const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Short = v.pipe(v.string(), v.maxLength(200));
const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440));
const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** The boundary set together with an entry, as it was applied. */
export const AppliedBoundarySchema = v.variant('kind', [
  /** This site's daily limit became `minutes` (it was `before`, or none). */
  v.object({ kind: v.literal('site-limit'), site: Short, minutes: Minutes, before: v.nullable(Minutes) }),
  /** The overall daily limit became `minutes`. */
  v.object({ kind: v.literal('daily-limit'), minutes: Minutes, before: v.nullable(Minutes) }),
  /** These accounts' posts are hidden on this device. */
  v.object({
    kind: v.literal('hide-accounts'),
    site: Short,
    handles: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.minLength(1), v.maxLength(20)),
  }),
  /** Feeds stay closed until her next day start. */
  v.object({ kind: v.literal('feed-free-tonight'), until: Time }),
  /** A recurring feed-free time was added. */
  v.object({
    kind: v.literal('feed-free-time'),
    windowId: Short,
    start: Clock,
    end: Clock,
    days: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))), v.maxLength(7)),
  }),
]);
export type AppliedBoundary = v.InferOutput<typeof AppliedBoundarySchema>;

export const JournalEntrySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** When she saved it. */
  at: Time,
  /** When she last changed it. */
  editedAt: v.optional(Time),
  text: v.pipe(v.string(), v.maxLength(MAX_ENTRY_CHARS)),
  /** The prompt she wrote after, if any. */
  promptId: v.optional(Short),
  /** The site she was on (a reflection from the boundary screen, or the popup on a feed). */
  site: v.optional(Short),
  /** Feeling words she tapped in a reflection. */
  feelings: v.optional(v.pipe(v.array(v.picklist(FEELINGS)), v.maxLength(FEELINGS.length))),
  /** What fed it, in her words (a reflection's second step). */
  fed: v.optional(v.pipe(v.string(), v.maxLength(MAX_FED_CHARS))),
  boundary: v.optional(AppliedBoundarySchema),
});
export type JournalEntry = v.InferOutput<typeof JournalEntrySchema>;

export const DayJournalSchema = v.object({
  schemaVersion: v.literal(JOURNAL_SCHEMA_VERSION),
  day: v.pipe(
    v.string(),
    v.check((value) => isDayKey(value)),
  ),
  entries: v.pipe(v.array(JournalEntrySchema), v.maxLength(MAX_ENTRIES_PER_DAY)),
});

export type DayJournalRecord = { schemaVersion: number; day: DayKey; entries: JournalEntry[] };

export const emptyDayJournal = (day: DayKey): DayJournalRecord => ({
  schemaVersion: JOURNAL_SCHEMA_VERSION,
  day,
  entries: [],
});

/** An entry with the day it is filed under (the key to edit or delete it). */
export type FiledEntry = JournalEntry & { day: DayKey };

/** The newest `limit` entries of these day records, newest first. */
export function newestEntries(records: Iterable<DayJournalRecord>, limit: number): FiledEntry[] {
  const all: FiledEntry[] = [];
  for (const record of records) for (const entry of record.entries) all.push({ ...entry, day: record.day });
  return all.sort((a, b) => b.at - a.at || b.id.localeCompare(a.id)).slice(0, Math.max(0, limit));
}

/** Whether an entry says anything at all (words, a feeling, what fed it, or a boundary). */
export function entryHasContent(entry: Pick<JournalEntry, 'text' | 'feelings' | 'fed' | 'boundary'>): boolean {
  return entry.text.trim() !== '' || (entry.feelings?.length ?? 0) > 0 || !!entry.fed?.trim() || !!entry.boundary;
}
