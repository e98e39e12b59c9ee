/**
 * The popup, her daily home, top to bottom: today at a glance (time, what is left, the next
 * feed-free time), the journal prompt with Write and Reflect, a check-in if one is waiting, then
 * her boundaries in a line with −5/+5 per limit and "Edit boundaries", which opens the full
 * editor on the dashboard (with reminders, accounts and the rest of the settings). Everything is
 * read once from storage, started by the page's first line (`main.tsx`). Turning limits off for
 * today is deliberately not here: it sits behind the moment on the boundary screen. The popup
 * only says when limits are off.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BoundaryQuick } from '@/components/BoundaryQuick';
import { CheckInPanel } from '@/components/CheckInPanel';
import { JournalPanel, type JournalPanelProps, RECENT_ENTRIES } from '@/components/JournalPanel';
import { ReflectionPanel } from '@/components/ReflectionPanel';
import { type SiteAccess, SiteAccessNotice } from '@/components/SiteAccessNotice';
import { TodaySummary } from '@/components/TodaySummary';
import { storedSettingsNotice } from '@/components/text/problems';
import type { CheckInQuestion } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import { type Prompt, promptForDay } from '@/utils/journal/prompts';
import { type BoundaryDayState, dayStateFor } from '@/utils/limits/stateRecords';
import { publishedForToday } from '@/utils/limits/usage';
import { sendMessage } from '@/utils/messaging/client';
import { builtInSiteAccess } from '@/utils/sites/access';
import { builtInSites, getSite, siteForUrl } from '@/utils/sites/registry';
import { siteLabel } from '@/utils/sites/userSites';
import type { StorageSnapshot } from '@/utils/storage/earlyRead';
import { getRaw, removeItem, saveItem } from '@/utils/storage/itemStore';
import {
  boundaryDay,
  type JournalDraft,
  journalDraft,
  journalPrompt,
  postDetection,
  publishedUsage,
  readItem,
  reflectionRequest,
  settingsNoticeSeen,
} from '@/utils/storage/items';
import { fingerprint } from '@/utils/storage/keptAside';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { RecordProblem } from '@/utils/storage/recordKind';
import type { Settings } from '@/utils/storage/settings';
import { SETTINGS_ITEMS, settingsFromRaw, updateSettings } from '@/utils/storage/settingsStorage';
import { dayKeyOf } from '@/utils/time/day';

export const siteName = (id: string) => siteLabel(id);

/** The ledger's code is loaded only when the popup needs it (today's published totals are missing). */
const openLedger = async () => new (await import('@/utils/storage/ledgerStore')).LedgerStore();

export interface PopupData {
  /** Active ms per site id today. */
  todayMsBySite: Record<string, number>;
  settings: Settings;
  /** Stored settings could not be used (defaults are in use) and she hasn't been told yet. */
  settingsNotice?: { problem: RecordProblem; fingerprint: string };
  dayState: BoundaryDayState;
  /** Sites whose post detection needs an update (post features paused there). */
  detectionStale?: string[];
  /** Opened from a mute suggestion's "Reflect on this": the reflection for that site, at once. */
  reflectOn?: string;
  /** Today's journal prompt, and what she had written and not yet saved. */
  journal?: { prompt: Prompt; draft: JournalDraft | null; firstShowingToday: boolean };
}

/** The journal's side effects: entries through the background, the draft and prompt in storage. */
export type JournalActions = Omit<JournalPanelProps, 'prompt' | 'draft' | 'now'>;

export interface PopupAppProps {
  load?: () => Promise<PopupData>;
  /** What storage held, read before the first render: drawn at once, and `load` is not called. */
  loaded?: PopupData;
  /** Changes her settings as stored now (so nothing made meanwhile is lost); resolves with what was saved. */
  update?: (change: (current: Settings) => Settings) => Promise<Settings>;
  /** She read the notice about unusable stored settings (by their fingerprint). */
  noticeSeen?: (fingerprint: string) => Promise<void>;
  now?: () => number;
  journal?: JournalActions;
  /** The feed site in the tab she opened the popup over, if any (for the reflection). */
  activeSite?: () => Promise<string | undefined>;
  /** The check-in waiting here, if any (asking marks it asked). */
  checkInWaiting?: () => Promise<CheckInQuestion | undefined>;
  /** The browser's access to the built-in sites (Firefox may not have allowed some). */
  siteAccess?: SiteAccess;
}

/**
 * Today's time, settings and boundary state, in one read of each storage area (or from the read
 * the popup's first script started, `early`, when it is there). Today's totals come from what
 * the background publishes after every write; the ledger itself is opened only when that copy
 * is from another day.
 */
export async function loadPopupData(
  now = Date.now(),
  ledger?: LedgerStore,
  early?: Promise<StorageSnapshot | undefined>,
): Promise<PopupData> {
  const snapshot = await early;
  const [syncRaw, localRaw, localWinsRaw, usageRaw, dayRaw, seenRaw, detectionRaw, draftRaw, promptRaw, requestRaw] =
    await getRaw(
      [
        ...SETTINGS_ITEMS,
        publishedUsage,
        boundaryDay,
        settingsNoticeSeen,
        postDetection,
        journalDraft,
        journalPrompt,
        reflectionRequest,
      ],
      snapshot,
    );
  const loaded = settingsFromRaw(syncRaw, localRaw, localWinsRaw);
  const hour = loaded.settings.tracking.dayStartHour;
  const today = dayKeyOf(now, hour);
  const published = publishedForToday(readItem(publishedUsage, usageRaw).value, now, today);
  const todayMsBySite =
    published?.todayMsBySite ?? (await (ledger ?? (await openLedger())).dayTotals([today])).get(today) ?? {};
  const shownPrompt = readItem(journalPrompt, promptRaw).value;
  const prompt = promptForDay(today, shownPrompt);
  const unseen = loaded.problem && fingerprint(loaded.raw) !== readItem(settingsNoticeSeen, seenRaw).value;
  return {
    todayMsBySite,
    settings: loaded.settings,
    ...(unseen && loaded.problem
      ? { settingsNotice: { problem: loaded.problem, fingerprint: fingerprint(loaded.raw) } }
      : {}),
    dayState: dayStateFor(now, hour, readItem(boundaryDay, dayRaw).value),
    detectionStale: Object.keys(readItem(postDetection, detectionRaw).value).filter((id) => getSite(id)),
    ...reflectRequested(readItem(reflectionRequest, requestRaw).value, now),
    journal: {
      prompt,
      draft: readItem(journalDraft, draftRaw).value,
      firstShowingToday: shownPrompt?.day !== today || shownPrompt.id !== prompt.id,
    },
  };
}

const defaultNow = () => Date.now();

const defaultNoticeSeen = (value: string) => saveItem(settingsNoticeSeen, value);

/** A reflection asked for from a mute suggestion in the last minute (once: it is then forgotten). */
function reflectRequested(request: { site: string; at: number } | null, now: number): { reflectOn?: string } {
  if (!request) return {};
  void removeItem(reflectionRequest).catch(console.error);
  return now - request.at < 60_000 && getSite(request.site) ? { reflectOn: request.site } : {};
}

/** The journal as the popup uses it: entries through the background, the rest in storage. */
export function journalActions(
  today: () => string,
  activeSite: () => Promise<string | undefined> = async () => undefined,
): JournalActions {
  return {
    promptShown: (prompt) => void saveItem(journalPrompt, { day: today(), id: prompt.id }).catch(console.error),
    keepDraft: async (draft) => {
      if (draft) await saveItem(journalDraft, draft);
      else await removeItem(journalDraft);
    },
    // The feed she opened the popup over, kept with the entry.
    save: async (text, promptId) => {
      const site = await activeSite().catch(() => undefined);
      return sendMessage('journal/save', { text, promptId, ...(site ? { site } : {}) });
    },
    recent: () => sendMessage('journal/recent', { limit: RECENT_ENTRIES }),
    edit: (entry, text) => sendMessage('journal/edit', { day: entry.day, id: entry.id, text }),
    remove: async (entry) => (await sendMessage('journal/delete', { day: entry.day, id: entry.id }))?.ok === true,
  };
}

/** The built-in site in the active tab (its address is readable on the sites the extension runs on). */
async function defaultActiveSite(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ? siteForUrl(tab.url)?.id : undefined;
}

const defaultCheckInWaiting = async () =>
  (await sendMessage('checkin/question', { where: 'popup' }))?.question ?? undefined;

export function PopupApp({
  load,
  loaded: readBefore,
  update = updateSettings,
  noticeSeen = defaultNoticeSeen,
  now = defaultNow,
  journal,
  activeSite = defaultActiveSite,
  checkInWaiting = defaultCheckInWaiting,
  siteAccess = builtInSiteAccess,
}: PopupAppProps) {
  const [data, setData] = useState<PopupData | undefined>(readBefore);
  const [failed, setFailed] = useState(false);
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  /** A long session's check-in, waiting for her answer (asked once today's numbers are shown). */
  const [checkIn, setCheckIn] = useState<CheckInQuestion | undefined>();
  const loaded = data !== undefined || failed;
  useEffect(() => {
    if (loaded) void checkInWaiting().then(setCheckIn, console.error);
  }, [loaded]);
  /** The reflection is open (over the site she is on, if any) in place of the journal. */
  const [reflecting, setReflecting] = useState<{ site?: string } | undefined>();

  // One read, once, when the popup opens (`load` and `now` are not re-read): it must show at once,
  // so its answer is awaited from the first render on, not from after the first paint.
  useLayoutEffect(() => {
    if (readBefore) return;
    (load ?? (() => loadPopupData(now())))().then(setData, (error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  }, []);

  const today = () => (data ? dayKeyOf(now(), data.settings.tracking.dayStartHour) : dayKeyOf(now()));
  const journalSide = journal ?? journalActions(today, activeSite);

  // Opened from a mute suggestion's "Reflect on this": the reflection, at once.
  useEffect(() => {
    if (data?.reflectOn) setReflecting({ site: data.reflectOn });
  }, [data]);

  // The prompt shown today is remembered, so tomorrow's is another one.
  useEffect(() => {
    if (data?.journal?.firstShowingToday) journalSide.promptShown(data.journal.prompt);
  }, [data]);

  const closeReflection = () => {
    setReflecting(undefined);
    // Back where she was: on Reflect.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.journal .section-top button')?.focus());
  };

  /** The full editor is on the dashboard: open it at her boundaries, and let the popup go. */
  const editBoundaries = () =>
    void browser.tabs
      .create({ url: browser.runtime.getURL('/dashboard.html#boundaries') })
      .then(() => window.close(), console.error);

  /** Her boundaries changed from what is stored now; the popup's copy follows what was saved. */
  const changeBoundaries = async (change: (boundaries: Settings['boundaries']) => Settings['boundaries']) => {
    const settings = await update((latest) => ({ ...latest, boundaries: change(latest.boundaries) }));
    setData((shown) => (shown ? { ...shown, settings } : shown));
    return settings.boundaries;
  };

  return (
    <main class="popup">
      {data?.settingsNotice && !noticeDismissed ? (
        <div role="note" class="note">
          <p>{storedSettingsNotice(data.settingsNotice.problem)}</p>
          <button
            type="button"
            class="secondary small-button"
            onClick={() => {
              setNoticeDismissed(true);
              if (data.settingsNotice) void noticeSeen(data.settingsNotice.fingerprint).catch(console.error);
            }}
          >
            {t('popupDismissNote')}
          </button>
        </div>
      ) : null}
      {failed ? (
        <p role="alert">{t('popupLoadFailed')}</p>
      ) : data ? (
        <>
          <SiteAccessNotice
            sites={builtInSites.filter((site) => !data.settings.sites.off.includes(site.id)).map((site) => site.id)}
            access={siteAccess}
          />
          {(data.detectionStale ?? []).map((site) => (
            <p key={site} role="note" class="note">
              {t('postDetectionStale', siteName(site))}
            </p>
          ))}
          <TodaySummary
            totals={data.todayMsBySite}
            siteName={(id) => siteLabel(id, data.settings.sites)}
            boundaries={data.settings.boundaries}
            dayState={data.dayState}
            now={now()}
          />
          {reflecting ? <ReflectionPanel site={reflecting.site} onDone={closeReflection} /> : null}
          {/* Kept while the reflection is open (hidden), so her unsaved words stay as they are. */}
          {data.journal ? (
            <div hidden={reflecting !== undefined}>
              <JournalPanel
                writeOnRequest
                prompt={data.journal.prompt}
                draft={data.journal.draft}
                now={now}
                {...journalSide}
                onReflect={() =>
                  void activeSite()
                    .catch(() => undefined)
                    .then((site) => setReflecting(site ? { site } : {}))
                }
              />
            </div>
          ) : null}
          {checkIn ? <CheckInPanel question={checkIn} onClose={() => setCheckIn(undefined)} /> : null}
          <BoundaryQuick boundaries={data.settings.boundaries} save={changeBoundaries} onEdit={editBoundaries} />
        </>
      ) : (
        <p class="muted" aria-live="polite">
          {t('popupLoading')}
        </p>
      )}
      <footer>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenDashboard')}
        </button>
        <p class="muted small">{t('popupPrivacyLine')}</p>
      </footer>
    </main>
  );
}
