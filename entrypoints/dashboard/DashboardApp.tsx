/** The dashboard (also the options page): the last 7 days and the data export. */
import { useEffect, useState } from 'preact/hooks';
import { ExportPanel } from '@/components/ExportPanel';
import { WeekTable } from '@/components/WeekTable';
import { t } from '@/utils/i18n';
import { getSite } from '@/utils/sites/registry';
import { buildExport, exportFileName } from '@/utils/storage/exportData';
import { type LedgerSnapshot, LedgerStore } from '@/utils/storage/ledgerStore';
import { loadSettings } from '@/utils/storage/settingsStorage';
import { parseDayKey, recentDayKeys } from '@/utils/time/day';

const siteName = (id: string) => getSite(id)?.name ?? id;

interface DashboardData {
  snapshot: LedgerSnapshot;
  dayStartHour: number;
}

async function loadDashboard(ledger = new LedgerStore()): Promise<DashboardData> {
  const [snapshot, { settings }] = await Promise.all([ledger.snapshot(), loadSettings()]);
  return { snapshot, dayStartHour: settings.tracking.dayStartHour };
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
  const file = buildExport(await ledger.snapshot(), now);
  const name = exportFileName(now);
  saveJsonFile(name, file);
  return name;
}

export function DashboardApp({ load = loadDashboard }: { load?: () => Promise<DashboardData> }) {
  const [data, setData] = useState<DashboardData | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    load().then(setData, (reason: unknown) => setError(String(reason)));
  }, [load]);

  const week = data
    ? recentDayKeys(Date.now(), 7, data.dayStartHour).map((day) => ({
        day,
        label: dayLabel(day),
        totals: data.snapshot.days.find((record) => record.day === day)?.ms ?? {},
      }))
    : [];
  const hasAnyTime = week.some((day) => Object.values(day.totals).some((ms) => ms > 0));

  return (
    <main class="dashboard">
      <h1>{t('dashboardTitle')}</h1>
      {error && <p role="alert">{t('dashboardLoadFailed', error)}</p>}
      {data && data.snapshot.unreadable.length > 0 && (
        <p role="note" class="notice">
          {t('dashboardUnreadable', String(data.snapshot.unreadable.length))}
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
