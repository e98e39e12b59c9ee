/**
 * The export file: everything the user's data holds, in one documented JSON shape
 * (see the README, "Export format"). Later capabilities add their own fields.
 */
import type { AppliedBoundary } from '../journal/entries';
import type { AccountsState } from '../mute/accounts';
import type { LedgerSnapshot } from './ledgerStore';
import type { Settings } from './settings';

export const EXPORT_FORMAT = 'outside-the-frame';
export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  /** Her settings as in force (boundaries, reminders, idle time, day start), or null if unknown. */
  settings: Settings | null;
  activeTime: { day: string; site: string; seconds: number }[];
  sessions: { site: string; day: string; start: string; end: string; activeSeconds: number }[];
  nudges: {
    reminderId: string;
    tag: string;
    site: string;
    shownAt: string;
    outcome: string | null;
    outcomeAt: string | null;
  }[];
  /** Accounts whose comparison-trap posts she scrolled past, per day. */
  accountExposure: {
    day: string;
    site: string;
    handle: string;
    name: string | null;
    trapPosts: number;
    secondsOnScreen: number;
    themes: Record<string, number>;
    lastSeen: string;
  }[];
  /** What she decided about accounts, and her own trigger words. */
  accounts: {
    site: string;
    handle: string;
    name: string | null;
    hidden: string | null;
    neverSuggest: string | null;
    markedWorse: string | null;
    notNowUntil: string | null;
  }[];
  triggerWords: string[];
  /** Her journal entries, oldest first, with the boundary set with each (times as ISO strings). */
  journal: {
    id: string;
    day: string;
    writtenAt: string;
    editedAt: string | null;
    text: string;
    promptId: string | null;
    site: string | null;
    feelings: string[];
    whatFedIt: string | null;
    boundary: ExportedBoundary | null;
  }[];
  /** How she felt after long sessions (and the questions she closed), oldest session first. */
  checkIns: {
    site: string;
    sessionDay: string;
    sessionStart: string;
    activeSeconds: number;
    remindersShown: number | null;
    trapPosts: number | null;
    askedAt: string | null;
    askedWhere: string | null;
    feeling: string | null;
    note: string | null;
    answeredAt: string | null;
    dismissedAt: string | null;
  }[];
  /** Records that could not be read, exactly as they were stored, with the reason. */
  unreadableRecords: { key: string; reason: string; value: unknown }[];
}

/** A boundary set with an entry, as stored, with its moment as an ISO string. */
export type ExportedBoundary =
  | Exclude<AppliedBoundary, { kind: 'feed-free-tonight' }>
  | { kind: 'feed-free-tonight'; until: string };

/** Seconds with one decimal: honest to a tenth, readable in a text editor. */
const toSeconds = (ms: number) => Math.round(ms / 100) / 10;

const isoOrNull = (time: number | undefined) => (time === undefined ? null : new Date(time).toISOString());

function exportedBoundary(boundary: AppliedBoundary | undefined): ExportedBoundary | null {
  if (!boundary) return null;
  if (boundary.kind === 'feed-free-tonight')
    return { kind: boundary.kind, until: new Date(boundary.until).toISOString() };
  return structuredClone(boundary);
}

export function buildExport(
  snapshot: LedgerSnapshot,
  exportedAt: Date,
  accounts: AccountsState | null = null,
  settings: Settings | null = null,
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    settings: settings ? structuredClone(settings) : null,
    activeTime: snapshot.days.flatMap((record) =>
      Object.entries(record.ms)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([site, ms]) => ({ day: record.day, site, seconds: toSeconds(ms) })),
    ),
    sessions: snapshot.sessions.map((session) => ({
      site: session.site,
      day: session.day,
      start: new Date(session.start).toISOString(),
      end: new Date(session.end).toISOString(),
      activeSeconds: toSeconds(session.activeMs),
    })),
    nudges: snapshot.nudges.map((nudge) => ({
      reminderId: nudge.reminderId,
      tag: nudge.tag,
      site: nudge.site,
      shownAt: new Date(nudge.shownAt).toISOString(),
      outcome: nudge.outcome ?? null,
      outcomeAt: isoOrNull(nudge.outcomeAt),
    })),
    accountExposure: snapshot.exposure.flatMap((record) =>
      record.accounts.map((account) => ({
        day: record.day,
        site: account.site,
        handle: account.handle,
        name: account.name ?? null,
        trapPosts: account.trapPosts,
        secondsOnScreen: Math.round(account.seconds * 10) / 10,
        themes: { ...account.themes },
        lastSeen: new Date(account.lastSeen).toISOString(),
      })),
    ),
    accounts: (accounts?.accounts ?? []).map((mark) => ({
      site: mark.site,
      handle: mark.handle,
      name: mark.name ?? null,
      hidden: isoOrNull(mark.hiddenAt),
      neverSuggest: isoOrNull(mark.silencedAt),
      markedWorse: isoOrNull(mark.markedAt),
      notNowUntil: isoOrNull(mark.notNowUntil),
    })),
    triggerWords: [...(accounts?.triggerWords ?? [])],
    journal: snapshot.journal
      .flatMap((record) => record.entries.map((entry) => ({ entry, day: record.day })))
      .sort((a, b) => a.entry.at - b.entry.at)
      .map(({ entry, day }) => ({
        id: entry.id,
        day,
        writtenAt: new Date(entry.at).toISOString(),
        editedAt: isoOrNull(entry.editedAt),
        text: entry.text,
        promptId: entry.promptId ?? null,
        site: entry.site ?? null,
        feelings: [...(entry.feelings ?? [])],
        whatFedIt: entry.fed ?? null,
        boundary: exportedBoundary(entry.boundary),
      })),
    checkIns: snapshot.checkIns
      .flatMap((record) => record.checkIns.map((checkIn) => ({ checkIn, day: record.day })))
      .sort((a, b) => a.checkIn.start - b.checkIn.start)
      .map(({ checkIn, day }) => ({
        site: checkIn.site,
        sessionDay: day,
        sessionStart: new Date(checkIn.start).toISOString(),
        activeSeconds: toSeconds(checkIn.activeMs),
        remindersShown: checkIn.remindersShown ?? null,
        trapPosts: checkIn.trapPosts ?? null,
        askedAt: isoOrNull(checkIn.askedAt),
        askedWhere: checkIn.askedWhere ?? null,
        feeling: checkIn.feeling ?? null,
        note: checkIn.note ?? null,
        answeredAt: isoOrNull(checkIn.answeredAt),
        dismissedAt: isoOrNull(checkIn.dismissedAt),
      })),
    unreadableRecords: snapshot.unreadable.map(({ key, reason, value }) => ({ key, reason, value })),
  };
}

export function exportFileName(exportedAt: Date): string {
  return `outside-the-frame-${exportedAt.toISOString().slice(0, 10)}.json`;
}
