/** The dashboard (also the options page): the last 7 days and the data export. */
import { useEffect, useState } from 'preact/hooks';
import { ExportPanel } from '@/components/ExportPanel';
import { numberText } from '@/components/text/format';
import { WeekTable } from '@/components/WeekTable';
import { t } from '@/utils/i18n';
import { getSite } from '@/utils/sites/registry';
import { buildExport, exportFileName } from '@/utils/storage/exportData';
import { loadItem } from '@/utils/storage/itemStore';
import { accounts, postDetection } from '@/utils/storage/items';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { loadSettings } from '@/utils/storage/settingsStorage';
import { type DayKey, parseDayKey, recentDayKeys } from '@/utils/time/day';

const siteName = (id: string) => getSite(id)?.name ?? id;

export interface DashboardData {
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
  const [range, keptAside, detection] = await Promise.all([
    ledger.readRange('day', days[0] as DayKey, days[days.length - 1] as DayKey),
    ledger.keptAsideCount(),
    loadItem(postDetection),
  ]);
  const totals = new Map([...range.records].map(([day, record]) => [day, record.ms]));
  return {
    days,
    totals,
    unreadable: keptAside + range.unreadable.length,
    detectionStale: Object.keys(detection.value).filter((id) => getSite(id)),
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
  const [snapshot, accountsRead] = await Promise.all([ledger.snapshot(), loadItem(accounts)]);
  const file = buildExport(snapshot, now, accountsRead.value);
  const name = exportFileName(now);
  saveJsonFile(name, file);
  return name;
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
      <ExportPanel onExport={() => exportAll()} />
    </main>
  );
}
