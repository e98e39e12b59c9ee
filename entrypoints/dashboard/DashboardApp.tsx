/** The dashboard (also the options page): the last 7 days and the data export. */
import { useEffect, useState } from 'preact/hooks';
import { FeelingsChart } from '@/components/FeelingsChart';
import { InsightsCard } from '@/components/InsightsCard';
import { type ChartDay, MinutesChart } from '@/components/MinutesChart';
import { RemindersChart } from '@/components/RemindersChart';
import { TrapChart } from '@/components/TrapChart';
import { numberText } from '@/components/text/format';
import { WeekTable } from '@/components/WeekTable';
import type { CheckIn } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import {
  type AccountPosts,
  remindersByWeek,
  trapPostsByAccount,
  trapPostsByTheme,
  type WeekReminders,
} from '@/utils/insights/counts';
import { type Insight, insightsFor } from '@/utils/insights/insights';
import { type FiledEntry, newestEntries } from '@/utils/journal/entries';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountsState } from '@/utils/mute/accounts';
import { getSite } from '@/utils/sites/registry';
import { siteLabel } from '@/utils/sites/userSites';
import { buildExport, exportFileName } from '@/utils/storage/exportData';
import { loadItem, saveItem } from '@/utils/storage/itemStore';
import { accounts, checkInsOff, hiddenInsights, postDetection } from '@/utils/storage/items';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { loadSettings } from '@/utils/storage/settingsStorage';
import { type DayKey, parseDayKey, recentDayKeys } from '@/utils/time/day';
import type { ManageSections as ManageSectionsType } from './ManageSections';

export const siteName = (id: string) => siteLabel(id);

export interface DashboardData {
  /** The last 90 days' minutes per site, oldest first, for the chart. */
  chart?: ChartDay[];
  /** Her settings (for the boundary editor) and her decisions about accounts. */
  settings?: Settings;
  accounts?: AccountsState | null;
  /** The last 7 days, oldest first. */
  days: DayKey[];
  /** Active ms per site for each of them that has any. */
  totals: Map<DayKey, Record<string, number>>;
  /** Stored values that could not be read: kept aside, and unreadable ones among these days. */
  unreadable: number;
  /** Sites whose post detection needs an update (post features paused there). */
  detectionStale?: string[];
  /** She is asked how she feels after long sessions (the Reminders settings). */
  checkInsOn?: boolean;
}

/**
 * The last 90 days by one key range (never the whole database; the week's table is its last 7),
 * and how much is kept aside: all the first chart needs. Insights are read after it is drawn.
 */
export async function loadDashboard(ledger = new LedgerStore(), now = Date.now()): Promise<DashboardData> {
  const { settings } = await loadSettings();
  const chartDays = recentDayKeys(now, 90, settings.tracking.dayStartHour);
  const days = chartDays.slice(-7);
  const [quarter, keptAside, detection, accountsRead, offRead] = await Promise.all([
    ledger.readRange('day', chartDays[0] as DayKey, chartDays[chartDays.length - 1] as DayKey),
    ledger.keptAsideCount(),
    loadItem(postDetection),
    loadItem(accounts),
    loadItem(checkInsOff),
  ]);
  const week = new Set(days);
  const totals = new Map(
    [...quarter.records].filter(([day]) => week.has(day)).map(([day, record]) => [day, record.ms]),
  );
  return {
    days,
    totals,
    unreadable: keptAside + quarter.unreadable.length,
    detectionStale: Object.keys(detection.value).filter((id) => getSite(id)),
    settings,
    accounts: accountsRead.value,
    checkInsOn: !offRead.value,
    chart: chartDays.map((day) => ({ day, label: dayLabel(day), totals: quarter.records.get(day)?.ms ?? {} })),
  };
}

/** Weeks of reminders in their chart. */
export const REMINDER_WEEKS = 12;

/** What the dashboard shows after its first chart: insights and the other charts' counts. */
export interface Looked {
  insights: Insight[];
  /** The last 90 days' check-ins. */
  checkIns: CheckIn[];
  reminders: WeekReminders[];
  /** The last 30 days' comparison-trap posts. */
  trapAccounts: AccountPosts[];
  trapThemes: { theme: string; posts: number }[];
}

/**
 * What the last weeks say (the month's check-ins and exposure, and the chart's totals), minus the
 * insights she hid; and the last 90 days' check-ins, for how she felt after sessions.
 */
export async function loadInsights(data: DashboardData, ledger = new LedgerStore(), now = Date.now()): Promise<Looked> {
  const hour = data.settings?.tracking.dayStartHour ?? 4;
  const quarter = recentDayKeys(now, 90, hour);
  const month = new Set(quarter.slice(-30));
  const [from, to] = [quarter[0] as DayKey, quarter[quarter.length - 1] as DayKey];
  const weeks = quarter.slice(-REMINDER_WEEKS * 7);
  const [checkInDays, exposure, hidden, nudges] = await Promise.all([
    ledger.readRange('checkIns', from, to),
    ledger.readRange('exposure', quarter[60] as DayKey, to),
    loadItem(hiddenInsights),
    ledger.readRange('nudges', weeks[0] as DayKey, to),
  ]);
  const exposureDays = [...exposure.records.values()];
  const checkIns = [...checkInDays.records.values()].flatMap((record) => record.checkIns);
  const insights = insightsFor(
    {
      now,
      dayStartHour: hour,
      totals: new Map((data.chart ?? []).map((day) => [day.day, day.totals])),
      checkIns: [...checkInDays.records.values()]
        .filter((record) => month.has(record.day))
        .flatMap((record) => record.checkIns),
      exposure: exposureDays,
    },
    new Set(hidden.value),
  );
  return {
    insights,
    checkIns,
    reminders: remindersByWeek(weeks, nudges.records),
    trapAccounts: trapPostsByAccount(exposureDays),
    trapThemes: trapPostsByTheme(exposureDays),
  };
}

/** One formatter for every day label (making one per call costs about a millisecond each). */
let dayFormat: Intl.DateTimeFormat | undefined;
function dayLabel(day: string): string {
  const [year, month, date] = parseDayKey(day);
  dayFormat ??= new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
  return dayFormat.format(new Date(year, month - 1, date, 12));
}

export function saveJsonFile(name: string, data: unknown, doc: Document = document): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportAll(ledger = new LedgerStore(), now = new Date()): Promise<string> {
  const [snapshot, accountsRead, settingsRead] = await Promise.all([
    ledger.snapshot(),
    loadItem(accounts),
    loadSettings(),
  ]);
  const file = buildExport(snapshot, now, accountsRead.value, settingsRead.problem ? null : settingsRead.settings);
  const name = exportFileName(now);
  saveJsonFile(name, file);
  return name;
}

/** Her whole journal, newest first (the ledger is read here; changes go through the background). */
export async function loadJournal(ledger = new LedgerStore()): Promise<{ entries: FiledEntry[]; unreadable: number }> {
  const { records, unreadable } = await ledger.readRange('journal', '0000-01-01', '9999-12-31');
  return { entries: newestEntries(records.values(), Number.POSITIVE_INFINITY), unreadable: unreadable.length };
}

/** One loader for the page's life: a fresh default on every render would read again after each. */
const loadNow = () => loadDashboard();

export function DashboardApp({ load = loadNow }: { load?: () => Promise<DashboardData> }) {
  const [data, setData] = useState<DashboardData | undefined>();
  const [failed, setFailed] = useState(false);
  const [Manage, setManage] = useState<typeof ManageSectionsType | undefined>();
  const [insights, setInsights] = useState<Looked | undefined>();
  useEffect(() => {
    if (data) void loadInsights(data).then(setInsights, console.error);
  }, [data?.chart]);
  // Loaded once the first chart is on screen, so it doesn't compete with it.
  const wantsManage = data !== undefined || failed;
  useEffect(() => {
    if (!wantsManage) return;
    const timer = setTimeout(
      () => void import('./ManageSections').then((module) => setManage(() => module.ManageSections), console.error),
      0,
    );
    return () => clearTimeout(timer);
  }, [wantsManage]);
  useEffect(() => {
    load().then(setData, (error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  }, [load]);

  /** Sites by the names she gave the ones she added. */
  const nameOf = (id: string) => siteLabel(id, data?.settings?.sites);
  const week = data ? data.days.map((day) => ({ day, label: dayLabel(day), totals: data.totals.get(day) ?? {} })) : [];
  const hasAnyTime = week.some((day) => Object.values(day.totals).some((ms) => ms > 0));

  return (
    <main class="dashboard">
      <h1>{t('dashboardTitle')}</h1>
      {failed && <p role="alert">{t('dashboardLoadFailed')}</p>}
      {(data?.detectionStale ?? []).map((site) => (
        <p key={site} role="note" class="notice">
          {t('postDetectionStale', nameOf(site))}
        </p>
      ))}
      {data && data.unreadable > 0 && (
        <p role="note" class="notice">
          {t('dashboardUnreadable', numberText(data.unreadable))}
        </p>
      )}
      <section aria-labelledby="week-heading" class="card">
        <h2 id="week-heading">{t('dashboardTimeHeading')}</h2>
        {data && !hasAnyTime && <p class="muted">{t('dashboardNoData')}</p>}
        {data && hasAnyTime ? (
          data.chart ? (
            <MinutesChart
              days={data.chart}
              siteName={nameOf}
              dailyLimitMinutes={data.settings?.boundaries.dailyLimitMinutes ?? null}
            />
          ) : (
            <WeekTable days={week} siteName={nameOf} caption={t('dashboardLast7Days')} />
          )
        ) : null}
      </section>
      {insights ? (
        <section aria-labelledby="feelings-heading" class="card">
          <h2 id="feelings-heading">{t('chartFeelingsHeading')}</h2>
          {insights.checkIns.some((checkIn) => checkIn.feeling) ? (
            <FeelingsChart checkIns={insights.checkIns} />
          ) : (
            <p class="muted">{t('chartFeelingsNone')}</p>
          )}
        </section>
      ) : null}
      {insights ? (
        <section aria-labelledby="reminders-heading" class="card">
          <h2 id="reminders-heading">{t('chartRemindersHeading')}</h2>
          {insights.reminders.some((week) => week.shown > 0) ? (
            <RemindersChart weeks={insights.reminders} dayLabel={dayLabel} />
          ) : (
            <p class="muted">{t('chartRemindersNone')}</p>
          )}
        </section>
      ) : null}
      {insights ? (
        <section aria-labelledby="trap-heading" class="card">
          <h2 id="trap-heading">{t('chartTrapHeading')}</h2>
          {insights.trapAccounts.length > 0 ? (
            <TrapChart accounts={insights.trapAccounts} themes={insights.trapThemes} siteName={nameOf} />
          ) : (
            <p class="muted">{t('chartTrapNone')}</p>
          )}
        </section>
      ) : null}
      {insights ? (
        <InsightsCard
          insights={insights.insights}
          hide={async (id) => {
            const current = (await loadItem(hiddenInsights)).value;
            await saveItem(hiddenInsights, [...new Set([...current, id])]);
          }}
          hideAccounts={async (handles) => {
            for (const { site, handle } of handles) await sendMessage('accounts/act', { site, handle, action: 'hide' });
          }}
        />
      ) : null}
      {/* Managing her boundaries, accounts, journal and data: loaded after the first chart. */}
      {Manage ? <Manage data={data} setData={setData} reload={() => void load().then(setData, console.error)} /> : null}
      <footer class="dashboard-footer">
        <a href="/welcome.html">{t('welcomeLink')}</a>
        <a href="/privacy.html">{t('privacyLink')}</a>
      </footer>
    </main>
  );
}
