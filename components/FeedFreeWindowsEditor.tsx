/**
 * The feed-free times part of the boundary form: one fieldset per time (from, to, days, name,
 * remove), and "Add feed-free time" up to the maximum. Controlled: the form owns the draft.
 */
import type { ComponentChild } from 'preact';
import { t } from '@/utils/i18n';
import { MAX_FEED_FREE_WINDOWS, MAX_WINDOW_LABEL_LENGTH } from '@/utils/limits/boundarySettings';
import { numberText } from './text/format';

export interface WindowDraft {
  id: string;
  start: string;
  end: string;
  days: number[];
  label: string;
}

export interface FeedFreeWindowsEditorProps {
  windows: WindowDraft[];
  onChange: (windows: WindowDraft[]) => void;
  /** Messages by dotted path (`feedFreeWindows.0.end`), from validation. */
  errors: Map<string, string[]>;
  /** Element ids of messages for a path, for aria-describedby (undefined when none). */
  describedBy: (path: string, ...extra: string[]) => string | undefined;
  /** Renders the messages for a path (or nothing). */
  renderErrors: (path: string) => ComponentChild;
}

const DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Short weekday name in her browser's language (0 = Sunday). */
function weekdayName(day: number, style: 'short' | 'long'): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(undefined, { weekday: style }).format(new Date(2024, 0, 7 + day, 12));
}

function newWindowId(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `ff-${Date.now().toString(36)}-${random}`;
}

export function newWindowDraft(): WindowDraft {
  return { id: newWindowId(), start: '19:00', end: '20:00', days: [...DAYS], label: '' };
}

export function FeedFreeWindowsEditor({
  windows,
  onChange,
  errors,
  describedBy,
  renderErrors,
}: FeedFreeWindowsEditorProps) {
  const update = (index: number, change: Partial<WindowDraft>) =>
    onChange(windows.map((window, at) => (at === index ? { ...window, ...change } : window)));
  const toggleDay = (index: number, day: number, on: boolean) => {
    const days = (windows[index] as WindowDraft).days.filter((other) => other !== day);
    update(index, { days: on ? [...days, day].sort((a, b) => a - b) : days });
  };
  const full = windows.length >= MAX_FEED_FREE_WINDOWS;
  const invalid = (path: string) => (errors.has(path) ? true : undefined);

  return (
    <fieldset class="feed-free" aria-describedby={describedBy('feedFreeWindows')}>
      <legend>{t('popupFeedFreeLegend')}</legend>
      {renderErrors('feedFreeWindows')}
      {windows.length === 0 ? <p class="muted small">{t('popupFeedFreeEmpty')}</p> : null}
      {windows.map((window, index) => {
        const base = `feedFreeWindows.${index}`;
        const idBase = `ff-${index}`;
        const number = numberText(index + 1);
        return (
          <fieldset key={window.id} class="window" data-window={index}>
            <legend>{t('popupWindowLegend', number)}</legend>
            <div class="window-times">
              <label>
                <span>{t('popupWindowStart')}</span>
                <input
                  type="time"
                  id={`${idBase}-start`}
                  value={window.start}
                  required
                  aria-invalid={invalid(`${base}.start`)}
                  aria-describedby={describedBy(`${base}.start`)}
                  onInput={(event) => update(index, { start: event.currentTarget.value })}
                />
              </label>
              <label>
                <span>{t('popupWindowEnd')}</span>
                <input
                  type="time"
                  id={`${idBase}-end`}
                  value={window.end}
                  required
                  aria-invalid={invalid(`${base}.end`)}
                  aria-describedby={describedBy(`${base}.end`)}
                  onInput={(event) => update(index, { end: event.currentTarget.value })}
                />
              </label>
            </div>
            {renderErrors(`${base}.start`)}
            {renderErrors(`${base}.end`)}
            <fieldset
              class="days"
              aria-invalid={invalid(`${base}.days`)}
              aria-describedby={describedBy(`${base}.days`)}
            >
              <legend>{t('popupWindowDays')}</legend>
              {DAYS.map((day) => (
                <label key={day} class="day" title={weekdayName(day, 'long')}>
                  <input
                    type="checkbox"
                    checked={window.days.includes(day)}
                    aria-label={weekdayName(day, 'long')}
                    onChange={(event) => toggleDay(index, day, event.currentTarget.checked)}
                  />
                  <span aria-hidden="true">{weekdayName(day, 'short')}</span>
                </label>
              ))}
            </fieldset>
            {renderErrors(`${base}.days`)}
            <label class="window-label">
              <span>{t('popupWindowLabel')}</span>
              <input
                type="text"
                id={`${idBase}-label`}
                value={window.label}
                maxLength={MAX_WINDOW_LABEL_LENGTH * 2}
                placeholder={t('popupWindowLabelPlaceholder')}
                aria-invalid={invalid(`${base}.label`)}
                aria-describedby={describedBy(`${base}.label`)}
                onInput={(event) => update(index, { label: event.currentTarget.value })}
              />
            </label>
            {renderErrors(`${base}.label`)}
            <button
              type="button"
              class="secondary small-button"
              onClick={() => onChange(windows.filter((_, at) => at !== index))}
            >
              {t('popupRemoveWindow', number)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="secondary"
        disabled={full}
        aria-describedby={full ? 'ff-max-hint' : undefined}
        onClick={() => onChange([...windows, newWindowDraft()])}
      >
        {t('popupAddWindow')}
      </button>
      {full ? (
        <p id="ff-max-hint" class="muted small">
          {t('popupWindowsMax', numberText(MAX_FEED_FREE_WINDOWS))}
        </p>
      ) : null}
    </fieldset>
  );
}
