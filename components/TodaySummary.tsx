/**
 * Today at a glance: the total, time left under her overall limit, a row per site (with a
 * progress bar against the site's own limit, or a relative bar when it has none), and the
 * next feed-free time (in effect now, or within 24 hours). Presentational: everything comes in as props.
 */
import { useEffect } from 'preact/hooks';
import { sumValues, wholeMinutes } from '@/utils/format';
import { t } from '@/utils/i18n';
import type { BoundarySettings } from '@/utils/limits/boundarySettings';
import { bindingLimit, minutesLeftOf } from '@/utils/limits/decide';
import { upcomingFeedFreeWindows } from '@/utils/limits/schedule';
import type { BoundaryDayState } from '@/utils/limits/stateRecords';
import { clockText, durationText, laterDay, numberText } from './text/format';

const MINUTE_MS = 60_000;
const AHEAD_MS = 24 * 60 * MINUTE_MS;

export interface TodaySummaryProps {
  /** Active ms per site id today. */
  totals: Record<string, number>;
  siteName: (id: string) => string;
  /** Her boundaries; without them only time is shown. */
  boundaries?: BoundarySettings;
  /** Today's boundary state (extra minutes taken, pause). */
  dayState?: BoundaryDayState;
  /** Epoch ms, for the feed-free times ahead. */
  now?: number;
}

/** Where she stands under the limit that binds first today (overall or extra minutes), if any. */
function overallStanding(boundaries: BoundarySettings, dayState: BoundaryDayState, totals: Record<string, number>) {
  const standing = bindingLimit(boundaries, { todayMsBySite: totals }, dayState);
  if (!standing) return undefined;
  const allowance = Math.round(standing.allowanceMs / MINUTE_MS);
  return { allowance, used: Math.min(wholeMinutes(standing.usedMs), allowance), left: minutesLeftOf(standing.leftMs) };
}

function SiteRow({
  site,
  ms,
  largest,
  limit,
  extraMs,
  siteName,
}: {
  site: string;
  ms: number;
  largest: number;
  limit: number | undefined;
  extraMs: number;
  siteName: (id: string) => string;
}) {
  const name = siteName(site);
  if (limit === undefined) {
    return (
      <li class="site-row">
        <span class="site-name">{name}</span>
        <span class="site-time">{durationText(ms)}</span>
        <span class="bar" aria-hidden="true">
          <span class="bar-fill" style={{ width: `${Math.max(4, Math.round((ms / (largest || 1)) * 100))}%` }} />
        </span>
      </li>
    );
  }
  const allowance = limit + Math.round(extraMs / MINUTE_MS);
  const used = Math.min(wholeMinutes(ms), allowance);
  const left = minutesLeftOf(allowance * MINUTE_MS - ms);
  return (
    <li class="site-row" data-site={site}>
      <span class="site-name">{name}</span>
      <span class="site-time">{durationText(ms)}</span>
      <span class="site-limit muted">{t('popupSiteLeft', [numberText(left), numberText(allowance)])}</span>
      <progress
        class="site-progress"
        max={allowance}
        value={used}
        aria-label={t('popupSiteProgressLabel', [name, numberText(used), numberText(allowance)])}
      />
    </li>
  );
}

/** The next feed-free time: the one in effect now, or the next to start in the coming 24 hours. */
function FeedFreeNext({ boundaries, now }: { boundaries: BoundarySettings; now: number }) {
  if (boundaries.feedFreeWindows.length === 0) return null;
  const [next] = upcomingFeedFreeWindows(now, boundaries.feedFreeWindows, AHEAD_MS);
  return (
    <section class="feed-free-next" aria-labelledby="feed-free-next-heading">
      <h2 id="feed-free-next-heading" class="subheading">
        {t('popupFeedFreeNextHeading')}
      </h2>
      {next ? (
        <p class="ahead">
          <span class="ahead-time">{t('popupTimeRange', [clockText(next.startsAt), clockText(next.endsAt)])}</span>
          {next.window.label ? <span class="ahead-label"> {next.window.label}</span> : null}
          {next.inEffect ? (
            <span class="ahead-when"> ({t('popupFeedFreeNow')})</span>
          ) : laterDay(next.startsAt, now) ? (
            <span class="ahead-when muted"> ({t('popupFeedFreeTomorrow')})</span>
          ) : null}
        </p>
      ) : (
        <p class="muted small">{t('popupFeedFreeNone')}</p>
      )}
    </section>
  );
}

/** The performance mark set when today's numbers are first on screen (the bench reads it). */
export const TODAY_MARK = 'outside-the-frame:today';

export function TodaySummary({ totals, siteName, boundaries, dayState, now = Date.now() }: TodaySummaryProps) {
  useEffect(() => {
    performance.mark(TODAY_MARK);
  }, []);
  const siteLimits = (boundaries?.siteLimits ?? {}) as Record<string, number | undefined>;
  const paused = dayState?.pausedForToday === true;
  const extraMs = dayState?.extraMsGranted ?? 0;
  // Sites with time today, and sites with a limit of their own (so she sees all her limits).
  const rows = Object.entries({
    ...Object.fromEntries(Object.keys(siteLimits).map((site) => [site, 0])),
    ...totals,
  })
    .filter(([site, ms]) => ms > 0 || (!paused && siteLimits[site] !== undefined))
    .sort(([, a], [, b]) => b - a);
  const total = sumValues(totals);
  const largest = rows[0]?.[1] ?? 0;
  const standing = boundaries && dayState ? overallStanding(boundaries, dayState, totals) : undefined;
  const overallLabel = standing
    ? t('popupOverallProgressLabel', [numberText(standing.used), numberText(standing.allowance)])
    : undefined;
  return (
    <section class="today" aria-labelledby="today-heading">
      <h1 id="today-heading">{t('popupTodayHeading')}</h1>
      <div class="today-line">
        {total > 0 ? (
          <p class="total">{t('popupTotalMinutes', numberText(wholeMinutes(total)))}</p>
        ) : (
          <p class="muted">{t('popupNothingYet')}</p>
        )}
        {paused ? (
          <p class="paused">{t('popupPausedToday')}</p>
        ) : standing ? (
          <p class="left" id="overall-left">
            {standing.left > 0
              ? t('popupMinutesLeftToday', numberText(standing.left))
              : t('popupLimitReachedToday', numberText(standing.allowance))}
          </p>
        ) : null}
      </div>
      {standing && !paused ? (
        <progress
          class="overall-progress"
          max={standing.allowance}
          value={standing.used}
          aria-label={overallLabel}
          title={overallLabel}
        />
      ) : null}
      {rows.length > 0 ? (
        <ul class="site-list" aria-label={t('popupPerSiteLabel')}>
          {rows.map(([site, ms]) => (
            <SiteRow
              key={site}
              site={site}
              ms={ms}
              largest={largest}
              limit={paused ? undefined : siteLimits[site]}
              extraMs={extraMs}
              siteName={siteName}
            />
          ))}
        </ul>
      ) : null}
      {boundaries && !paused ? <FeedFreeNext boundaries={boundaries} now={now} /> : null}
    </section>
  );
}
