/**
 * Every key this extension keeps in `storage.sync`, `storage.local` and `storage.session`,
 * defined once: where it lives, how a stored value is read (a versioned record kind with its
 * schema and migrations, or a plain schema for a flag), and its fallback. Content scripts,
 * popup, dashboard and background import keys and types from here and nowhere else.
 * Reading and writing them is itemStore.ts; this module is pure data.
 *
 * Why not WXT's `storage.defineItem`: see the README ("Stored items"). In short, our records
 * carry their version inside the value, a page must never write storage while reading, an
 * unreadable value is kept aside rather than thrown on, and a page listens to one change event.
 */
import * as v from 'valibot';
import { BoundaryDayKind, type BoundaryDayState } from '../limits/stateRecords';
import { type PublishedUsage, PublishedUsageKind } from '../limits/usage';
import { AccountsKind, type AccountsState } from '../mute/accounts';
import { type NudgeState, NudgeStateKind } from '../nudges/scheduler';
import { type StoredTabTimeline, TabTimelineKind } from '../time/tabTimeline';
import {
  isPlainRecord,
  issuePath,
  type RecordKind,
  type RecordProblem,
  type RecordRead,
  readRecord,
} from './recordKind';
import { defaultSettings, type Settings, SettingsKind } from './settings';

export type StorageAreaName = 'local' | 'sync' | 'session';

export interface StoredItem<T> {
  readonly area: StorageAreaName;
  readonly key: string;
  /** `area:key`, the name a kept-aside copy is filed under. */
  readonly id: string;
  /** Read a stored value (never `undefined`: absent values take the fallback without a read). */
  read(raw: unknown): RecordRead<T>;
  /** What an absent or unreadable value means. */
  fallback(): T;
}

/** A versioned record (schemaVersion inside the value, migrations on read). */
function recordItem<T>(area: StorageAreaName, key: string, kind: RecordKind<T>, fallback: () => T): StoredItem<T> {
  return { area, key, id: `${area}:${key}`, read: (raw) => readRecord(kind, raw), fallback };
}

/** A plain value (a flag or a fingerprint): a schema, no version; a new shape gets a new key. */
function plainItem<T>(
  area: StorageAreaName,
  key: string,
  schema: v.GenericSchema<unknown, T>,
  fallback: () => T,
): StoredItem<T> {
  return {
    area,
    key,
    id: `${area}:${key}`,
    read: (raw) => {
      const parsed = v.safeParse(schema, raw);
      return parsed.success
        ? { ok: true, value: parsed.output, migrated: false }
        : { ok: false, problem: { code: 'invalid', path: issuePath(parsed.issues) } };
    },
    fallback,
  };
}

/** Her settings, following her to her other browsers when browser sync is on. */
export const syncedSettings = /* @__PURE__ */ recordItem<Settings>('sync', 'settings', SettingsKind, defaultSettings);

/** The same settings when sync is off or over its quota (see `localSettingsWin`). */
export const localSettings = /* @__PURE__ */ recordItem<Settings>('local', 'settings', SettingsKind, defaultSettings);

/** Set when the last save could only go to local storage, so the local copy wins on read. */
export const localSettingsWin = /* @__PURE__ */ plainItem<boolean>(
  'local',
  'settingsLocalIsNewer',
  v.boolean(),
  () => false,
);

/**
 * The fingerprint of stored settings that couldn't be read and that she was told about, so
 * the popup says it once per unreadable value.
 */
export const settingsNoticeSeen = /* @__PURE__ */ plainItem<string | null>(
  'local',
  'settingsNoticeSeen',
  v.nullable(v.pipe(v.string(), v.maxLength(64))),
  () => null,
);

/** Today's active ms per site, published by the background after every write, for pages and the popup. */
export const publishedUsage = /* @__PURE__ */ recordItem<PublishedUsage | null>(
  'local',
  'boundaryUsage',
  PublishedUsageKind,
  () => null,
);

/** Today's boundary state: extra minutes taken, pause for today, warnings shown. */
export const boundaryDay = /* @__PURE__ */ recordItem<BoundaryDayState | null>(
  'local',
  'boundaryDay',
  BoundaryDayKind,
  () => null,
);

/** The reminders' shared state: rotation, theme weights, snooze, today's count. */
export const nudgeState = /* @__PURE__ */ recordItem<NudgeState | null>(
  'local',
  'nudgeState',
  NudgeStateKind,
  () => null,
);

/**
 * What she decided about accounts (hidden, never suggested, marked, not now) and her own trigger
 * words. Pages read it at once to hide posts before they show; only the background writes it.
 */
export const accounts = /* @__PURE__ */ recordItem<AccountsState | null>('local', 'accounts', AccountsKind, () => null);

/**
 * Sites where post detection found no posts on a feed page for a while: site id → since when.
 * Post features pause there; time, limits and reminders carry on.
 */
export const postDetection = /* @__PURE__ */ plainItem<Record<string, number>>(
  'local',
  'postDetectionStale',
  v.pipe(
    v.custom<Record<string, unknown>>(isPlainRecord),
    v.record(v.pipe(v.string(), v.maxLength(40)), v.pipe(v.number(), v.finite(), v.minValue(0))),
    v.check((value) => Object.keys(value).length <= 50),
  ),
  () => ({}),
);

/** What she is writing in the popup's journal, kept as she types until she saves or clears it. */
export interface JournalDraft {
  text: string;
  promptId?: string;
  at: number;
}

export const journalDraft = /* @__PURE__ */ plainItem<JournalDraft | null>(
  'local',
  'journalDraft',
  v.nullable(
    v.object({
      // Longer than an entry may be: a draft is never cut (saving then says it is too long).
      text: v.pipe(v.string(), v.maxLength(200_000)),
      promptId: v.optional(v.pipe(v.string(), v.maxLength(100))),
      at: v.pipe(v.number(), v.finite(), v.minValue(0)),
    }),
  ),
  () => null,
);

/** The journal prompt the popup showed last, and on which day (so it changes every day). */
export const journalPrompt = /* @__PURE__ */ plainItem<{ day: string; id: string } | null>(
  'local',
  'journalPrompt',
  v.nullable(v.object({ day: v.pipe(v.string(), v.maxLength(10)), id: v.pipe(v.string(), v.maxLength(100)) })),
  () => null,
);

/** She chose "Reflect on this" on a mute suggestion: the popup opens with the reflection for that site. */
export const reflectionRequest = /* @__PURE__ */ plainItem<{ site: string; at: number } | null>(
  'session',
  'reflectionRequest',
  v.nullable(v.object({ site: v.pipe(v.string(), v.maxLength(40)), at: v.pipe(v.number(), v.finite()) })),
  () => null,
);

/** The dashboard's insights she chose to hide (by id). */
export const hiddenInsights = /* @__PURE__ */ plainItem<string[]>(
  'local',
  'hiddenInsights',
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(50)),
  () => [],
);

/** She said "Don't ask me this" to the check-in after long sessions. */
export const checkInsOff = /* @__PURE__ */ plainItem<boolean>('local', 'checkInsOff', v.boolean(), () => false);

/** Only automated browser tests set it, to the scheduler's short `test` preset. */
export const nudgeFrequencyOverride = /* @__PURE__ */ plainItem<'test' | null>(
  'local',
  'nudgeFrequencyOverride',
  v.nullable(v.literal('test')),
  () => null,
);

/** Which tab was in front in each window, and since when (cleared when the browser closes). */
export const tabTimeline = /* @__PURE__ */ recordItem<StoredTabTimeline>(
  'session',
  'tabTimeline',
  TabTimelineKind,
  () => ({
    schemaVersion: 1,
    windows: {},
  }),
);

/**
 * Where earlier versions kept unreadable values, one key each. The background moves any it
 * finds into the one keep-aside store (keptAside.ts) and removes the key.
 */
export const LEGACY_KEPT_ASIDE_KEYS = ['settingsKeptAside', 'boundaryDayKeptAside', 'nudgeStateKeptAside'] as const;

/** Every item, for the README's table and the test that keeps keys unique. */
export const ALL_ITEMS: readonly StoredItem<unknown>[] = [
  syncedSettings,
  localSettings,
  localSettingsWin,
  settingsNoticeSeen,
  publishedUsage,
  boundaryDay,
  nudgeState,
  nudgeFrequencyOverride,
  tabTimeline,
  accounts,
  postDetection,
  journalDraft,
  journalPrompt,
  checkInsOff,
  reflectionRequest,
  hiddenInsights,
];

/** A stored item as read: its value (the fallback when absent or unreadable), and why it was unreadable. */
export interface ItemRead<T> {
  value: T;
  problem?: RecordProblem;
}

/** Read a raw stored value of `item`: absent → fallback; readable → it; unreadable → fallback and why. */
export function readItem<T>(item: StoredItem<T>, raw: unknown): ItemRead<T> {
  if (raw === undefined || raw === null) return { value: item.fallback() };
  const read = item.read(raw);
  return read.ok ? { value: read.value } : { value: item.fallback(), problem: read.problem };
}
