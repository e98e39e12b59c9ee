/**
 * Her boundaries, edited in the popup: the overall daily limit, a limit per site (with −5/+5
 * steppers that save at once: "lower my Instagram limit" is one click), feed-free times, and
 * the warning and "a few more minutes" rules. Validation runs on every change with the core's
 * own messages, shown next to their fields; Save writes only valid settings, with overlapping
 * feed-free times merged (and says so).
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { t } from '@/utils/i18n';
import {
  type BoundarySettings,
  clampLimit,
  MAX_LIMIT_MINUTES,
  MIN_SITE_LIMIT,
  normalizeWindows,
  problemFields,
  type SettingsProblemCode,
  SITE_LIMIT_STEP,
  SUGGESTED_DAILY_LIMIT_MINUTES,
  validateBoundarySettings,
} from '@/utils/limits/boundarySettings';
import { builtInSites } from '@/utils/sites/registry';
import type { BuiltInSiteId } from '@/utils/sites/types';
import { type Settings, TrackingSettingsSchema, validateSettings } from '@/utils/storage/settings';
import { FeedFreeWindowsEditor, type WindowDraft } from './FeedFreeWindowsEditor';
import { numberText } from './text/format';
import { settingsProblemText } from './text/problems';

export { MIN_SITE_LIMIT, SITE_LIMIT_STEP };

export interface BoundarySettingsFormProps {
  /** The saved settings (the form starts from them). */
  settings: Settings;
  /** Persist settings; rejects when they could not be saved. */
  onSave: (settings: Settings) => Promise<void>;
}

/** What the inputs hold: text as typed, so a half-typed value is shown and explained, not lost. */
interface Draft {
  dailyOn: boolean;
  daily: string;
  sites: Record<string, string>;
  windows: WindowDraft[];
  warningPercent: string;
  extraMinutes: string;
  extensionsPerDay: string;
  pauseSeconds: string;
  dayStartHour: string;
  idleSeconds: string;
}

function toDraft(settings: Settings): Draft {
  const b = settings.boundaries;
  const limits = b.siteLimits as Record<string, number | undefined>;
  return {
    dailyOn: b.dailyLimitMinutes !== null,
    daily: b.dailyLimitMinutes === null ? '' : String(b.dailyLimitMinutes),
    sites: Object.fromEntries(
      builtInSites.map((site) => [site.id, limits[site.id] === undefined ? '' : String(limits[site.id])]),
    ),
    windows: b.feedFreeWindows.map((window) => ({ ...window, days: [...window.days] })),
    warningPercent: String(b.warningPercent),
    extraMinutes: String(b.extraMinutes),
    extensionsPerDay: String(b.extensionsPerDay),
    pauseSeconds: String(b.pauseSeconds),
    dayStartHour: String(settings.tracking.dayStartHour),
    idleSeconds: String(settings.tracking.idleThresholdSeconds),
  };
}

/** A typed number; empty or unreadable text becomes NaN so validation explains the range. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function fromDraft(draft: Draft, base: Settings): Settings {
  const siteLimits: Record<string, number> = {};
  for (const [site, text] of Object.entries(draft.sites)) if (text.trim() !== '') siteLimits[site] = numberOf(text);
  const boundaries: BoundarySettings = {
    dailyLimitMinutes: draft.dailyOn ? numberOf(draft.daily) : null,
    siteLimits: siteLimits as BoundarySettings['siteLimits'],
    feedFreeWindows: draft.windows.map((window) => ({ ...window, days: [...window.days] })),
    warningPercent: numberOf(draft.warningPercent),
    extraMinutes: numberOf(draft.extraMinutes),
    extensionsPerDay: numberOf(draft.extensionsPerDay),
    pauseSeconds: numberOf(draft.pauseSeconds),
  };
  return {
    ...base,
    tracking: { dayStartHour: numberOf(draft.dayStartHour), idleThresholdSeconds: numberOf(draft.idleSeconds) },
    boundaries,
  };
}

/** Problems in words, by path: `boundaries` paths as the core gives them, tracking ones as `tracking.<field>`. */
function problemsOf(candidate: Settings): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  const add = (path: string, code: SettingsProblemCode) => {
    const list = problems.get(path) ?? [];
    const message = settingsProblemText(code);
    if (!list.includes(message)) list.push(message);
    problems.set(path, list);
  };
  const boundaries = validateBoundarySettings(candidate.boundaries);
  if (!boundaries.ok) for (const field of boundaries.fields) add(field.path, field.code);
  const tracking = v.safeParse(TrackingSettingsSchema, candidate.tracking);
  if (!tracking.success) {
    for (const field of problemFields(tracking.issues)) add(`tracking.${field.path}`, field.code);
  }
  return problems;
}

const errorIdOf = (path: string) => `error-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function BoundarySettingsForm({ settings, onSave }: BoundarySettingsFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [status, setStatus] = useState('');
  const [mergedResult, setMergedResult] = useState<WindowDraft[] | null>(null);
  const [busy, setBusy] = useState(false);
  /** The settings last saved, so a quick stepper change never saves half-typed edits elsewhere. */
  const saved = useRef<Settings>(settings);
  const formRef = useRef<HTMLFormElement>(null);

  const candidate = useMemo(() => fromDraft(draft, saved.current), [draft]);
  const problems = useMemo(() => problemsOf(candidate), [candidate]);

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setMergedResult(null);
  };

  const describedBy = (path: string, ...extra: string[]) => {
    const ids = [...extra, ...(problems.has(path) ? [errorIdOf(path)] : [])];
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const invalid = (path: string) => (problems.has(path) ? true : undefined);
  const renderErrors = (path: string) => {
    const messages = problems.get(path);
    if (!messages) return null;
    return (
      <p class="field-error" id={errorIdOf(path)}>
        {messages.join(' ')}
      </p>
    );
  };

  const persist = async (next: Settings) => {
    await onSave(next);
    saved.current = next;
  };

  const stepSite = async (site: BuiltInSiteId, name: string, delta: number) => {
    const current = numberOf(draft.sites[site] ?? '');
    const from = Number.isFinite(current) ? current : 0;
    const minutes = clampLimit(from + delta);
    const base = saved.current;
    const next: Settings = {
      ...base,
      boundaries: { ...base.boundaries, siteLimits: { ...base.boundaries.siteLimits, [site]: minutes } },
    };
    change({ sites: { ...draft.sites, [site]: String(minutes) } });
    try {
      await persist(next);
      setStatus(t('popupSiteLimitSaved', [name, numberText(minutes)]));
    } catch (error) {
      console.error(error);
      setStatus(t('popupSaveFailed'));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = validateSettings(candidate);
    if (problems.size > 0 || !checked.ok) {
      setStatus(t('popupFixBeforeSaving'));
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const normalized = normalizeWindows(checked.settings.boundaries.feedFreeWindows);
    const merged = normalized.merged.length > 0;
    const next: Settings = merged
      ? { ...checked.settings, boundaries: { ...checked.settings.boundaries, feedFreeWindows: normalized.windows } }
      : checked.settings;
    const recheck = validateSettings(next);
    if (!recheck.ok) {
      setStatus(recheck.codes.map(settingsProblemText).join(' '));
      return;
    }
    setBusy(true);
    try {
      await persist(recheck.settings);
      setDraft(toDraft(recheck.settings));
      setMergedResult(merged ? recheck.settings.boundaries.feedFreeWindows : null);
      setStatus(merged ? t('popupWindowsMerged') : t('popupSaved'));
    } catch (error) {
      console.error(error);
      setStatus(t('popupSaveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const moreHasProblems = ['tracking.dayStartHour', 'tracking.idleThresholdSeconds', 'pauseSeconds'].some((path) =>
    problems.has(path),
  );

  const numberField = (
    path: string,
    id: string,
    label: string,
    value: string,
    key: keyof Draft,
    min: number,
    max: number,
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-invalid={invalid(path)}
        aria-describedby={describedBy(path)}
        onInput={(event) => change({ [key]: event.currentTarget.value } as Partial<Draft>)}
      />
      {renderErrors(path)}
    </div>
  );

  return (
    <form
      ref={formRef}
      class="boundaries"
      aria-labelledby="boundaries-heading"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="boundaries-heading">{t('popupBoundariesHeading')}</h2>
      <p class="muted small">{t('popupBoundariesIntro')}</p>

      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            id="daily-on"
            checked={draft.dailyOn}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              change({
                dailyOn: on,
                daily: on && draft.daily.trim() === '' ? String(SUGGESTED_DAILY_LIMIT_MINUTES) : draft.daily,
              });
            }}
          />
          <span>{t('popupDailyLimitToggle')}</span>
        </label>
        {draft.dailyOn ? (
          <>
            <label for="daily-minutes">{t('popupDailyLimitMinutes')}</label>
            <input
              id="daily-minutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_LIMIT_MINUTES}
              step={1}
              value={draft.daily}
              aria-invalid={invalid('dailyLimitMinutes')}
              aria-describedby={describedBy('dailyLimitMinutes', 'daily-hint')}
              onInput={(event) => change({ daily: event.currentTarget.value })}
            />
            <p id="daily-hint" class="muted small">
              {t('popupDailyLimitHint', numberText(SUGGESTED_DAILY_LIMIT_MINUTES))}
            </p>
            {renderErrors('dailyLimitMinutes')}
          </>
        ) : null}
      </div>

      <fieldset class="site-limits" aria-describedby="site-limits-hint">
        <legend>{t('popupSiteLimitsLegend')}</legend>
        <p id="site-limits-hint" class="muted small">
          {t('popupSiteLimitsHint')}
        </p>
        {builtInSites.map((site) => {
          const path = `siteLimits.${site.id}`;
          const text = draft.sites[site.id] ?? '';
          const value = numberOf(text);
          const step = String(SITE_LIMIT_STEP);
          return (
            <div key={site.id} class="site-limit-row" data-site={site.id}>
              <label for={`limit-${site.id}`}>{site.name}</label>
              <button
                type="button"
                class="secondary stepper"
                aria-label={t('popupLowerSiteLimit', [site.name, step])}
                disabled={!(Number.isFinite(value) && value > MIN_SITE_LIMIT)}
                onClick={() => void stepSite(site.id, site.name, -SITE_LIMIT_STEP)}
              >
                {t('popupStepDown', step)}
              </button>
              <input
                id={`limit-${site.id}`}
                type="number"
                inputMode="numeric"
                min={MIN_SITE_LIMIT}
                max={MAX_LIMIT_MINUTES}
                step={1}
                value={text}
                placeholder={t('popupNoLimit')}
                aria-invalid={invalid(path)}
                aria-describedby={describedBy(path, 'site-limits-hint')}
                onInput={(event) => change({ sites: { ...draft.sites, [site.id]: event.currentTarget.value } })}
              />
              <button
                type="button"
                class="secondary stepper"
                aria-label={t('popupRaiseSiteLimit', [site.name, step])}
                disabled={Number.isFinite(value) && value >= MAX_LIMIT_MINUTES}
                onClick={() => void stepSite(site.id, site.name, SITE_LIMIT_STEP)}
              >
                {t('popupStepUp', step)}
              </button>
              {renderErrors(path)}
            </div>
          );
        })}
      </fieldset>

      <FeedFreeWindowsEditor
        windows={draft.windows}
        onChange={(windows) => change({ windows })}
        errors={problems}
        describedBy={describedBy}
        renderErrors={renderErrors}
      />

      {numberField(
        'warningPercent',
        'warning-percent',
        t('popupWarningPercent'),
        draft.warningPercent,
        'warningPercent',
        50,
        95,
      )}
      {numberField('extraMinutes', 'extra-minutes', t('popupExtraMinutes'), draft.extraMinutes, 'extraMinutes', 1, 30)}
      {numberField(
        'extensionsPerDay',
        'extensions-per-day',
        t('popupExtensionsPerDay'),
        draft.extensionsPerDay,
        'extensionsPerDay',
        0,
        10,
      )}

      <details class="more" open={moreHasProblems || undefined}>
        <summary>{t('popupMoreSettings')}</summary>
        {numberField(
          'tracking.dayStartHour',
          'day-start-hour',
          t('popupDayStartHour'),
          draft.dayStartHour,
          'dayStartHour',
          0,
          23,
        )}
        {numberField(
          'tracking.idleThresholdSeconds',
          'idle-seconds',
          t('popupIdleSeconds'),
          draft.idleSeconds,
          'idleSeconds',
          10,
          1800,
        )}
        {numberField(
          'pauseSeconds',
          'pause-seconds',
          t('popupPauseSeconds'),
          draft.pauseSeconds,
          'pauseSeconds',
          10,
          60,
        )}
      </details>

      <div class="form-actions">
        <button type="submit" disabled={busy}>
          {t('popupSaveBoundaries')}
        </button>
        <p role="status" class="form-status small">
          {status}
        </p>
        {mergedResult ? (
          <ul class="merged-result" aria-label={t('popupMergedResultLabel')}>
            {mergedResult.map((window) => (
              <li key={window.id}>
                {t('popupTimeRange', [window.start, window.end])}
                {window.label ? ` ${window.label}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
