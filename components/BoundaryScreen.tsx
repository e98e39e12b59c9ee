/**
 * The calm full-page boundary screen shown over a feed at a limit or in a feed-free time.
 * Presentational: the content script mounts it in a shadow root and supplies the actions.
 *
 * Leaving is the largest action, focused first (research: the easy "leave" option is what
 * works). Extra minutes and pausing for today wait out a deliberate pause that starts over
 * whenever the page is hidden or loses focus, so the pause is really spent looking at it.
 * Esc never dismisses the screen: it is her boundary; Esc only steps back from the pause.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { BoundaryActionReply } from '@/utils/limits/decide';
import { type BoundaryWords, boundaryHeading, boundaryText, refusalText } from './text/boundary';
import { numberText } from './text/format';

/** What a request answered; undefined when there was no answer (the extension restarting). */
export type BoundaryActionResult = BoundaryActionReply | undefined;

/** What the boundary is (see BoundaryWords), plus what she can do about it. */
export interface BoundaryScreenProps extends BoundaryWords {
  /** How many times she can still take extra minutes today. */
  extensionsLeft: number;
  /** Minutes one extension adds. */
  extraMinutes: number;
  /** Length of the deliberate pause before extra minutes or pausing for today. */
  pauseSeconds: number;
  /** False while the tab is hidden or the window has no focus: the pause starts over. */
  pageActive: boolean;
  /** Close the tab: the main action. */
  onLeave(): void;
  /** The reflection, shown in place of the screen's words when she chooses "Reflect on this". */
  reflection(): ComponentChild;
  /** Shown under the screen's actions (the check-in, when a limit ends a long session). */
  aside?: ComponentChild;
  /**
   * Optional: called each time the pause starts counting from the beginning (the panel opens,
   * or the page is active again after a reset), so the caller can check the pause was waited out.
   */
  onPauseStart?(): void;
  onExtend(): Promise<BoundaryActionResult>;
  onPauseToday(): Promise<BoundaryActionResult>;
}

type View = 'main' | 'pause' | 'reflect';
type Opener = 'more' | 'pauseToday' | 'reflect';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function BoundaryScreen(props: BoundaryScreenProps) {
  const { siteName, extensionsLeft, extraMinutes, pauseSeconds, pageActive } = props;
  const headingId = useId();
  const textId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const leaveRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFieldSetElement>(null);
  const reflectRef = useRef<HTMLButtonElement>(null);

  const [view, setView] = useState<View>('main');
  const [opener, setOpener] = useState<Opener | null>(null);
  const [remaining, setRemaining] = useState(pauseSeconds);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    leaveRef.current?.focus();
  }, []);

  // Focus follows the view: into the pause panel when it opens, back to what opened it after.
  useEffect(() => {
    if (view === 'pause') panelRef.current?.focus();
    else if (view === 'main' && opener)
      ((opener === 'reflect' ? reflectRef : openerRef).current ?? leaveRef.current)?.focus();
  }, [view, opener]);

  // A hidden tab or an unfocused window is not a pause: start it over.
  useEffect(() => {
    if (!pageActive) setRemaining(pauseSeconds);
  }, [pageActive, pauseSeconds]);

  const onPauseStart = useRef(props.onPauseStart);
  onPauseStart.current = props.onPauseStart;
  // Counting only ever starts from the full pause (opening it, or after a reset).
  const counting = view === 'pause' && pageActive && remaining > 0;
  useEffect(() => {
    if (!counting) return;
    onPauseStart.current?.();
    const timer = setInterval(() => setRemaining((seconds) => Math.max(0, seconds - 1)), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  const waited = remaining <= 0;

  const openPause = (from: Opener) => {
    setOpener(from);
    setRemaining(pauseSeconds);
    setProblem('');
    setView('pause');
  };

  const run = async (
    action: () => Promise<BoundaryActionResult>,
    failedKey: 'boundaryExtendFailed' | 'boundaryPauseTodayFailed',
  ) => {
    setBusy(true);
    setProblem('');
    try {
      const result = await action();
      // On success the page replaces this screen; stay busy so nothing runs twice.
      if (!result?.ok) {
        setProblem(t(failedKey, refusalText(result?.reason)));
        setBusy(false);
      }
    } catch {
      setProblem(t(failedKey, refusalText(undefined)));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here are for this screen, not the site's shortcuts behind it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (view !== 'main') setView('main');
      return;
    }
    if (event.key !== 'Tab') return;
    const dialog = dialogRef.current;
    if (!dialog) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
    const inside = active instanceof Node && dialog.contains(active);
    if (event.shiftKey && (active === first || active === dialog || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  const announcement =
    view === 'pause' ? t(waited ? 'boundaryPauseDone' : 'boundaryPauseStarted', numberText(pauseSeconds)) : '';

  return (
    <div class="otf-screen">
      <div
        ref={dialogRef}
        class="otf-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={textId}
        onKeyDown={onKeyDown}
      >
        <h1 id={headingId} class="otf-heading">
          {boundaryHeading(props)}
        </h1>
        <p id={textId} class="otf-text">
          {boundaryText(props)}
        </p>
        {view === 'reflect' ? (
          <div class="otf-reflect">{props.reflection()}</div>
        ) : (
          <p class="otf-care">{t('boundaryCareLine')}</p>
        )}

        <button ref={leaveRef} type="button" class="otf-leave" onClick={() => props.onLeave()}>
          {t('boundaryLeave', siteName)}
        </button>

        {view === 'main' && (
          <div class="otf-more">
            <button
              ref={reflectRef}
              type="button"
              class="otf-secondary"
              onClick={() => {
                setOpener('reflect');
                setView('reflect');
              }}
            >
              {t('boundaryReflect')}
            </button>
            {extensionsLeft > 0 ? (
              <button ref={openerRef} type="button" class="otf-link" onClick={() => openPause('more')}>
                {t('boundaryMoreMinutes')}
              </button>
            ) : (
              <>
                <p class="otf-quiet">{t('boundaryNoExtraLeft')}</p>
                <button ref={openerRef} type="button" class="otf-link" onClick={() => openPause('pauseToday')}>
                  {t('boundaryPauseTodayLink')}
                </button>
              </>
            )}
          </div>
        )}

        {view === 'reflect' && (
          <button type="button" class="otf-link" onClick={() => setView('main')}>
            {t('boundaryBack')}
          </button>
        )}

        {view === 'main' && props.aside ? <div class="otf-aside">{props.aside}</div> : null}

        {/* Always present, so screen readers announce its changes: only at the start and the end of the pause. */}
        <p class="otf-live" aria-live="polite">
          {announcement}
        </p>

        {view === 'pause' && (
          <fieldset ref={panelRef} class="otf-pause" aria-label={t('boundaryPausePanelLabel')} tabIndex={-1}>
            <p class="otf-countdown" aria-hidden="true">
              {waited ? '' : remaining}
            </p>
            {extensionsLeft > 0 && (
              <button
                type="button"
                class="otf-secondary"
                disabled={!waited || busy}
                onClick={() => void run(props.onExtend, 'boundaryExtendFailed')}
              >
                {t('boundaryExtend', numberText(extraMinutes))}
              </button>
            )}
            <button
              type="button"
              class="otf-secondary"
              disabled={!waited || busy}
              onClick={() => void run(props.onPauseToday, 'boundaryPauseTodayFailed')}
            >
              {t('boundaryPauseToday')}
            </button>
            <p class="otf-problem" aria-live="polite">
              {problem}
            </p>
            <button type="button" class="otf-link" onClick={() => setView('main')}>
              {t('boundaryBack')}
            </button>
          </fieldset>
        )}
      </div>
    </div>
  );
}
