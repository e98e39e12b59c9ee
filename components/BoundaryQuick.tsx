/**
 * Her boundaries in the popup, in a line: what she has set (the daily limit, how many sites have
 * one, how many feed-free times), a −5/+5 for each limit she has, saved at once, and "Edit
 * boundaries", which opens the full editor on the dashboard. Presentational: the popup passes
 * her boundaries, how to save them and how to open the editor.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { type BoundarySettings, clampLimit, MIN_SITE_LIMIT, SITE_LIMIT_STEP } from '@/utils/limits/boundarySettings';
import { builtInSites } from '@/utils/sites/registry';
import { numberText } from './text/format';

export interface BoundaryQuickProps {
  boundaries: BoundarySettings;
  /**
   * Applies `change` to her boundaries as stored at that moment (so a change made meanwhile
   * elsewhere is kept) and saves them; resolves with what was saved, rejects when nothing was.
   */
  save(change: (current: BoundarySettings) => BoundarySettings): Promise<BoundarySettings>;
  onEdit(): void;
}

/** "30 min a day in all · limits on 2 sites · 1 feed-free time", or that nothing is set. */
export function boundarySummary(boundaries: BoundarySettings): string {
  const sites = Object.values(boundaries.siteLimits).filter((minutes) => minutes !== undefined).length;
  const windows = boundaries.feedFreeWindows.length;
  const parts = [
    boundaries.dailyLimitMinutes === null ? '' : t('quickDaily', numberText(boundaries.dailyLimitMinutes)),
    sites === 0 ? '' : sites === 1 ? t('quickSitesOne') : t('quickSites', numberText(sites)),
    windows === 0 ? '' : windows === 1 ? t('quickWindowsOne') : t('quickWindows', numberText(windows)),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : t('quickNone');
}

export function BoundaryQuick({ boundaries: initial, save, onEdit }: BoundaryQuickProps) {
  const [boundaries, setBoundaries] = useState(initial);
  const [status, setStatus] = useState('');
  const step = String(SITE_LIMIT_STEP);
  const all = t('quickAllFeeds');

  const rows = [
    ...(boundaries.dailyLimitMinutes === null ? [] : [{ id: '', name: all, minutes: boundaries.dailyLimitMinutes }]),
    ...builtInSites.flatMap((site) => {
      const minutes = boundaries.siteLimits[site.id];
      return minutes === undefined ? [] : [{ id: site.id, name: site.name, minutes }];
    }),
  ];

  /** One limit up or down by `delta`, from its value as stored now (it may have changed elsewhere). */
  const change = async (id: string, name: string, delta: number) => {
    let value: number | undefined;
    try {
      const saved = await save((current) => {
        const stored = id ? current.siteLimits[id as keyof typeof current.siteLimits] : current.dailyLimitMinutes;
        // Taken off elsewhere meanwhile: it stays off.
        if (stored === undefined || stored === null) return current;
        value = clampLimit(stored + delta);
        return id
          ? { ...current, siteLimits: { ...current.siteLimits, [id]: value } }
          : { ...current, dailyLimitMinutes: value };
      });
      setBoundaries(saved);
      setStatus(value === undefined ? '' : t('popupSiteLimitSaved', [name, numberText(value)]));
    } catch (error) {
      console.error(error);
      setStatus(t('popupSaveFailed'));
    }
  };

  return (
    <section class="quick" aria-labelledby="quick-heading">
      <div class="section-top">
        <h2 id="quick-heading">{t('popupBoundariesHeading')}</h2>
        <button type="button" class="secondary small-button" onClick={onEdit}>
          {t('quickEdit')}
        </button>
      </div>
      <p class="quick-summary">{boundarySummary(boundaries)}</p>
      {rows.length > 0 ? (
        <ul class="quick-rows">
          {rows.map(({ id, name, minutes }) => (
            <li key={id || 'all'} class="quick-row">
              <span class="quick-name">{name}</span>
              <button
                type="button"
                class="secondary stepper"
                aria-label={t('popupLowerSiteLimit', [name, step])}
                disabled={minutes <= MIN_SITE_LIMIT}
                onClick={() => void change(id, name, -SITE_LIMIT_STEP)}
              >
                {t('popupStepDown', step)}
              </button>
              <span class="quick-minutes">{t('quickMinutes', numberText(minutes))}</span>
              <button
                type="button"
                class="secondary stepper"
                aria-label={t('popupRaiseSiteLimit', [name, step])}
                onClick={() => void change(id, name, SITE_LIMIT_STEP)}
              >
                {t('popupStepUp', step)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="form-status" role="status">
        {status}
      </p>
    </section>
  );
}
