/** The dashboard (also the options page): the last 7 days and the data export. */
import { useEffect, useState } from 'preact/hooks';
import { AccountsPanel } from '@/components/AccountsPanel';
import { BoundarySettingsForm } from '@/components/BoundarySettingsForm';
import { ExportPanel } from '@/components/ExportPanel';
import { ImportPanel } from '@/components/ImportPanel';
import { InsightsCard } from '@/components/InsightsCard';
import { JournalHistory } from '@/components/JournalHistory';
import { numberText } from '@/components/text/format';
import { WeekTable } from '@/components/WeekTable';
import { t } from '@/utils/i18n';
import { type Insight, insightsFor } from '@/utils/insights/insights';
import { type FiledEntry, newestEntries } from '@/utils/journal/entries';
import { sendMessage } from '@/utils/messaging/client';
import type { AccountsState } from '@/utils/mute/accounts';
import { getSite } from '@/utils/sites/registry';
import { buildExport, exportFileName } from '@/utils/storage/exportData';
import { readImport } from '@/utils/storage/importData';
import { loadItem, saveItem } from '@/utils/storage/itemStore';
import { accounts, hiddenInsights, postDetection } from '@/utils/storage/items';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settingsStorage';
import { type DayKey, parseDayKey, recentDayKeys } from '@/utils/time/day';

const siteName = (id: string) => getSite(id)?.name ?? id;

export interface DashboardData {
  /** What the last weeks say, minus the insights she hid. */
  insights?: Insight[];
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
}

/** The last 7 days by key range (never the whole database), and how much is kept aside. */
export async function loadDashboard(ledger = new LedgerStore(), now = Date.now()): Promise<DashboardData> {
  const { settings } = await loadSettings();
  const days = recentDayKeys(now, 7, settings.tracking.dayStartHour);
  const month = recentDayKeys(now, 30, settings.tracking.dayStartHour);
  const [from, to] = [month[0] as DayKey, month[month.length - 1] as DayKey];
  const [range, keptAside, detection, accountsRead, monthTotals, checkIns, exposure, hidden] = await Promise.all([
    ledger.readRange('day', days[0] as DayKey, days[days.length - 1] as DayKey),
    ledger.keptAsideCount(),
    loadItem(postDetection),
    loadItem(accounts),
    ledger.readRange('day', from, to),
    ledger.readRange('checkIns', from, to),
    ledger.readRange('exposure', from, to),
    loadItem(hiddenInsights),
  ]);
  const totals = new Map([...range.records].map(([day, record]) => [day, record.ms]));
  return {
    days,
    totals,
    unreadable: keptAside + range.unreadable.length,
    detectionStale: Object.keys(detection.value).filter((id) => getSite(id)),
    settings,
    accounts: accountsRead.value,
    insights: insightsFor(
      {
        now,
        dayStartHour: settings.tracking.dayStartHour,
        totals: new Map([...monthTotals.records].map(([day, record]) => [day, record.ms])),
        checkIns: [...checkIns.records.values()].flatMap((record) => record.checkIns),
        exposure: [...exposure.records.values()],
      },
      new Set(hidden.value),
    ),
  };
}

function dayLabel(day: string): string {
  const [year, month, date] = parseDayKey(day);
  return new Date(year, month - 1, date, 12).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
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
  useEffect(() => {
    load().then(setData, (error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  }, [load]);

  const week = data ? data.days.map((day) => ({ day, label: dayLabel(day), totals: data.totals.get(day) ?? {} })) : [];
  const hasAnyTime = week.some((day) => Object.values(day.totals).some((ms) => ms > 0));

  return (
    <main class="dashboard">
      <h1>{t('dashboardTitle')}</h1>
      {failed && <p role="alert">{t('dashboardLoadFailed')}</p>}
      {(data?.detectionStale ?? []).map((site) => (
        <p key={site} role="note" class="notice">
          {t('postDetectionStale', siteName(site))}
        </p>
      ))}
      {data && data.unreadable > 0 && (
        <p role="note" class="notice">
          {t('dashboardUnreadable', numberText(data.unreadable))}
        </p>
      )}
      <section aria-labelledby="week-heading" class="card">
        <h2 id="week-heading">{t('dashboardLast7Days')}</h2>
        {data && !hasAnyTime && <p class="muted">{t('dashboardNoData')}</p>}
        {data && hasAnyTime && <WeekTable days={week} siteName={siteName} caption={t('dashboardLast7Days')} />}
      </section>
      {data?.insights ? (
        <InsightsCard
          insights={data.insights}
          hide={async (id) => {
            const current = (await loadItem(hiddenInsights)).value;
            await saveItem(hiddenInsights, [...new Set([...current, id])]);
          }}
          hideAccounts={async (handles) => {
            for (const { site, handle } of handles) await sendMessage('accounts/act', { site, handle, action: 'hide' });
          }}
        />
      ) : null}
      {data?.settings ? (
        <div class="card">
          <BoundarySettingsForm
            settings={data.settings}
            onSave={async (settings) => {
              await saveSettings(settings);
              setData((current) => (current ? { ...current, settings } : current));
            }}
          />
        </div>
      ) : null}
      {data ? (
        <AccountsPanel
          accounts={data.accounts ?? null}
          siteName={siteName}
          act={async (site, handle, action) => {
            const reply = await sendMessage('accounts/act', { site, handle, action });
            if (!reply?.ok) throw new Error('accounts/act was not carried out');
            return reply.accounts;
          }}
          saveWords={async (words) => {
            const reply = await sendMessage('accounts/triggerWords', { words });
            if (!reply?.ok) throw new Error('accounts/triggerWords was not carried out');
            return reply.accounts;
          }}
        />
      ) : null}
      <JournalHistory
        load={() => loadJournal()}
        edit={(entry, text) => sendMessage('journal/edit', { day: entry.day, id: entry.id, text })}
        remove={async (entry) => (await sendMessage('journal/delete', { day: entry.day, id: entry.id }))?.ok === true}
      />
      <ExportPanel
        onExport={() => exportAll()}
        onDeleteAll={async () => {
          const done = (await sendMessage('data/deleteAll', {}))?.ok === true;
          if (done) void load().then(setData, console.error);
          return done;
        }}
      >
        <ImportPanel
          read={(text) => readImport(text, data?.settings?.tracking.dayStartHour)}
          apply={(text, mode) => sendMessage('data/import', { text, mode })}
          onImported={() => location.reload()}
        />
      </ExportPanel>
    </main>
  );
}
