/**
 * Observes activity on the page (input, media, visibility, focus) and reports spans of
 * active time to the background. Spans are kept until the background confirms it stored
 * them, so a stopped service worker loses nothing: they are simply sent again.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type ActivityReportReply, MAX_SPANS_PER_REPORT } from '@/utils/messaging';
import { loadSettings, watchSettings } from '@/utils/storage/settingsStorage';
import { ActivityTracker, DEFAULT_IDLE_MS } from '@/utils/time/activity';
import { sendToBackground } from './messages';

const TICK_MS = 1_000;
export const REPORT_EVERY_MS = 10_000;
/** Pointer moves come in floods; one note per this interval is plenty for idleness. */
const INPUT_NOTE_MS = 200;

const INPUT_EVENTS = ['scroll', 'wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart'] as const;
const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied', 'abort', 'error'] as const;

export function startActivityReporting(ctx: ContentScriptContext, win: Window = window) {
  const doc = win.document;
  const tracker = new ActivityTracker({ idleMs: DEFAULT_IDLE_MS });
  const playing = new Set<HTMLMediaElement>();
  let lastNoted = 0;
  let sending = false;

  void loadSettings().then(({ settings }) => tracker.setIdleMs(settings.tracking.idleThresholdSeconds * 1000));
  const stopWatching = watchSettings(({ settings }) =>
    tracker.setIdleMs(settings.tracking.idleThresholdSeconds * 1000),
  );
  ctx.onInvalidated(stopWatching);

  const signals = () => {
    for (const media of playing) {
      if (media.paused || media.ended || !media.isConnected) playing.delete(media);
    }
    return {
      visible: doc.visibilityState === 'visible',
      focused: doc.hasFocus(),
      mediaPlaying: playing.size > 0,
    };
  };

  const onInput = () => {
    const now = Date.now();
    if (now - lastNoted < INPUT_NOTE_MS) return;
    lastNoted = now;
    tracker.noteInput(now);
  };
  const onMedia = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLMediaElement)) return;
    if (event.type === 'play' || event.type === 'playing') playing.add(target);
    else playing.delete(target);
    tracker.tick(Date.now(), signals());
  };
  const onStateChange = () => {
    tracker.tick(Date.now(), signals());
    // Leaving the page or its window: send what we have while we still can.
    if (doc.visibilityState === 'hidden' || !doc.hasFocus()) void report();
  };

  async function report(): Promise<void> {
    if (sending || ctx.isInvalid) return;
    const batch = tracker.takeBatch(Date.now()).slice(0, MAX_SPANS_PER_REPORT);
    if (batch.length === 0) return;
    sending = true;
    // No answer (the worker is restarting, the extension was updated): the spans stay for next time.
    const reply = await sendToBackground<ActivityReportReply>({ type: 'activity/report', spans: batch });
    if (reply?.ok) tracker.confirm(batch);
    sending = false;
  }

  const listenerOptions = { capture: true, passive: true };
  for (const type of INPUT_EVENTS) ctx.addEventListener(win, type, onInput, listenerOptions);
  for (const type of MEDIA_EVENTS) ctx.addEventListener(doc, type, onMedia, listenerOptions);
  ctx.addEventListener(doc, 'visibilitychange', onStateChange);
  ctx.addEventListener(win, 'focus', onStateChange);
  ctx.addEventListener(win, 'blur', onStateChange);
  ctx.addEventListener(win, 'pagehide', () => void report());
  ctx.setInterval(() => tracker.tick(Date.now(), signals()), TICK_MS);
  ctx.setInterval(() => void report(), REPORT_EVERY_MS);
  // Media that was already playing when we arrived (autoplaying feeds).
  for (const media of doc.querySelectorAll('video, audio')) {
    if (media instanceof HTMLMediaElement && !media.paused) playing.add(media);
  }
  tracker.tick(Date.now(), signals());

  return { tracker, report };
}
