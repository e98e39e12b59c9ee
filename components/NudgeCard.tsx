/**
 * The gentle comparison-trap reminder: a small card at the bottom-left of the viewport, clear of
 * the middle of the feed, announced politely and never taking focus. Presentational: the content
 * script mounts it in a shadow root (with nudge.css) and records the outcome.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useEscape } from './escape';

export type NudgeCardOutcome = 'helped' | 'not-now' | 'snoozed-hour' | 'snoozed-today' | 'ignored';

export interface NudgeCardProps {
  /** The reminder, already translated. */
  text: string;
  /** Leaves by itself after this long if ignored (e.g. 25000); hover or focus inside pauses it. */
  autoHideMs: number;
  /** Called exactly once; after it the card renders nothing. */
  onOutcome(outcome: NudgeCardOutcome): void;
  /** Her first reminder: it says, this once, that reminders change (the settings say so too). */
  firstTime?: boolean;
}

export function NudgeCard({ text, autoHideMs, onOutcome, firstTime = false }: NudgeCardProps) {
  const [done, setDone] = useState(false);
  // The status region exists empty first and is filled a moment later: text that arrives
  // together with its live region is often not announced.
  const [announced, setAnnounced] = useState(false);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const finished = useRef(false);
  const latestOnOutcome = useRef(onOutcome);
  latestOnOutcome.current = onOutcome;

  const finish = useCallback((outcome: NudgeCardOutcome) => {
    if (finished.current) return;
    finished.current = true;
    setDone(true);
    latestOnOutcome.current(outcome);
  }, []);

  useEffect(() => setAnnounced(true), []);

  // Leaves by itself when ignored; reading (pointer or focus inside) pauses it, and the full
  // time starts again once she moves away.
  useEffect(() => {
    if (done || hovered || focused) return;
    const timer = setTimeout(() => finish('ignored'), autoHideMs);
    return () => clearTimeout(timer);
  }, [done, hovered, focused, autoHideMs, finish]);

  // Esc anywhere on the page dismisses it, unless she is typing somewhere on the site.
  const notNow = useCallback(() => finish('not-now'), [finish]);
  useEscape(root, !done, notNow);

  if (done) return null;

  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && root.current?.contains(next)) return;
    setFocused(false);
  };

  return (
    <div
      ref={root}
      class="otf-nudge"
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={onFocusOut}
    >
      <div class="otf-nudge-top">
        <div class="otf-nudge-message" role="status">
          {announced ? (
            <>
              <p class="otf-nudge-label">{t('nudgeLabel')}</p>
              <p class="otf-nudge-text">{text}</p>
            </>
          ) : null}
        </div>
        <button type="button" class="otf-nudge-close" aria-label={t('nudgeClose')} onClick={() => finish('not-now')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="otf-nudge-actions">
        <button type="button" class="otf-nudge-primary" onClick={() => finish('helped')}>
          {t('nudgeHelped')}
        </button>
        <button type="button" class="otf-nudge-secondary" onClick={() => finish('not-now')}>
          {t('nudgeNotNow')}
        </button>
        <button
          type="button"
          class="otf-nudge-secondary"
          aria-expanded={snoozeOpen ? 'true' : 'false'}
          onClick={() => setSnoozeOpen((open) => !open)}
        >
          {t('nudgeSnooze')}
        </button>
      </div>
      {snoozeOpen ? (
        <fieldset class="otf-nudge-snooze">
          <legend class="otf-nudge-legend">{t('nudgeSnoozeLegend')}</legend>
          <div class="otf-nudge-actions">
            <button type="button" class="otf-nudge-secondary" onClick={() => finish('snoozed-hour')}>
              {t('nudgeSnoozeHour')}
            </button>
            <button type="button" class="otf-nudge-secondary" onClick={() => finish('snoozed-today')}>
              {t('nudgeSnoozeToday')}
            </button>
          </div>
        </fieldset>
      ) : null}
      {firstTime ? <p class="otf-nudge-rotation">{t('nudgeRotationLine')}</p> : null}
    </div>
  );
}
