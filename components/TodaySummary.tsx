/** Today's feed time: the total and a bar per site, largest first. Presentational. */
import { sumValues } from '@/utils/format';
import { t } from '@/utils/i18n';
import { durationText } from './duration';

export interface TodaySummaryProps {
  /** Active ms per site id today. */
  totals: Record<string, number>;
  siteName: (id: string) => string;
}

export function TodaySummary({ totals, siteName }: TodaySummaryProps) {
  const rows = Object.entries(totals)
    .filter(([, ms]) => ms > 0)
    .sort(([, a], [, b]) => b - a);
  const total = sumValues(totals);
  const largest = rows[0]?.[1] ?? 0;
  return (
    <section class="today" aria-labelledby="today-heading">
      <h1 id="today-heading">{t('popupTodayHeading')}</h1>
      {rows.length === 0 ? (
        <p class="muted">{t('popupNothingYet')}</p>
      ) : (
        <>
          <p class="total">{t('popupTotalMinutes', String(Math.floor(total / 60_000)))}</p>
          <ul class="site-list" aria-label={t('popupPerSiteLabel')}>
            {rows.map(([site, ms]) => (
              <li key={site} class="site-row">
                <span class="site-name">{siteName(site)}</span>
                <span class="site-time">{durationText(ms)}</span>
                <span class="bar" aria-hidden="true">
                  <span class="bar-fill" style={{ width: `${Math.max(4, Math.round((ms / largest) * 100))}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
