/** Minutes per site per day as an accessible table. Presentational. */
import { sumValues } from '@/utils/format';
import { t } from '@/utils/i18n';
import { durationText } from './text/format';

export interface WeekTableProps {
  /** Oldest first. */
  days: { day: string; label: string; totals: Record<string, number> }[];
  siteName: (id: string) => string;
  caption: string;
}

export function WeekTable({ days, siteName, caption }: WeekTableProps) {
  const sites = [...new Set(days.flatMap((day) => Object.keys(day.totals)))].sort();
  return (
    <table class="week-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboardDayColumn')}</th>
          {sites.map((site) => (
            <th scope="col" key={site}>
              {siteName(site)}
            </th>
          ))}
          <th scope="col">{t('dashboardTotalColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.day}>
            <th scope="row">
              <time dateTime={day.day}>{day.label}</time>
            </th>
            {sites.map((site) => (
              <td key={site}>{durationText(day.totals[site] ?? 0)}</td>
            ))}
            <td>{durationText(sumValues(day.totals))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
