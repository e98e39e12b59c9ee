/**
 * The content script's view of activity, as a pure state machine: it turns input, media and
 * visibility signals into closed spans of active time and keeps them until the background
 * confirms it stored them. The background decides what finally counts.
 *
 * Active at a moment = the page is visible, its window focused, and either there was input
 * within the idle threshold or media is playing.
 */
import type { Interval } from './intervals';

export interface ActivitySignals {
  visible: boolean;
  focused: boolean;
  mediaPlaying: boolean;
}

export interface ActivityOptions {
  /** Input older than this no longer keeps the page active. */
  idleMs: number;
  /**
   * A longer gap between ticks means timers were stalled (sleep, a frozen or throttled tab):
   * the span is closed at the last tick we saw rather than stretched over the gap.
   */
  maxTickGapMs?: number;
  /** Unsent spans are merged when they touch, up to this length each. */
  maxSpanMs?: number;
  /** How many unsent spans are kept at most; the oldest go first (hours of missed sends). */
  maxPending?: number;
}

export const DEFAULT_IDLE_MS = 60_000;
export const DEFAULT_MAX_TICK_GAP_MS = 5_000;
export const DEFAULT_MAX_SPAN_MS = 5 * 60_000;
const DEFAULT_MAX_PENDING = 2_000;

export class ActivityTracker {
  private idleMs: number;
  private readonly maxTickGapMs: number;
  private readonly maxSpanMs: number;
  private readonly maxPending: number;
  private lastInputAt = Number.NEGATIVE_INFINITY;
  private lastTickAt: number | undefined;
  private openStart: number | undefined;
  private openEnd = 0;
  private signals: ActivitySignals = { visible: false, focused: false, mediaPlaying: false };
  private pending: [number, number][] = [];
  /** Spans already handed out in a batch are not extended, so `confirm` recognises them. */
  private frozenCount = 0;

  constructor(options: ActivityOptions) {
    this.idleMs = options.idleMs;
    this.maxTickGapMs = options.maxTickGapMs ?? DEFAULT_MAX_TICK_GAP_MS;
    this.maxSpanMs = options.maxSpanMs ?? DEFAULT_MAX_SPAN_MS;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  }

  setIdleMs(idleMs: number): void {
    this.idleMs = idleMs;
  }

  /** Scroll, wheel, key, pointer or touch input happened. */
  noteInput(now: number): void {
    this.update(now, this.signals, now);
  }

  /** Visibility, focus or media changed, or the regular tick: re-evaluate at `now`. */
  tick(now: number, signals: ActivitySignals = this.signals): void {
    this.update(now, signals);
  }

  get isActive(): boolean {
    return this.openStart !== undefined;
  }

  private activeAt(now: number, signals: ActivitySignals): boolean {
    if (!signals.visible || !signals.focused) return false;
    return signals.mediaPlaying || now - this.lastInputAt <= this.idleMs;
  }

  private update(now: number, signals: ActivitySignals, inputAt?: number): void {
    const lastTick = this.lastTickAt;
    // Timers stalled or the clock went back: close what was open at the last moment we saw.
    if (lastTick !== undefined && (now - lastTick > this.maxTickGapMs || now < lastTick)) {
      this.close(this.openEnd);
    }
    if (this.openStart !== undefined) {
      const stillActive = this.activeAt(now, this.signals) && this.activeAt(now, signals);
      if (stillActive) {
        this.openEnd = now;
      } else {
        // Input ran out: the span ends when the idle threshold passed, not at this tick.
        this.close(this.idleEndOr(now));
      }
    }
    if (inputAt !== undefined) this.lastInputAt = inputAt;
    this.signals = signals;
    if (this.openStart === undefined && this.activeAt(now, signals)) {
      this.openStart = now;
      this.openEnd = now;
    }
    this.lastTickAt = now;
  }

  private idleEndOr(fallback: number): number {
    if (this.signals.mediaPlaying) return fallback;
    return Math.min(fallback, this.lastInputAt + this.idleMs);
  }

  private close(end: number): void {
    if (this.openStart === undefined) return;
    this.addPending(this.openStart, Math.max(this.openStart, end));
    this.openStart = undefined;
    this.openEnd = 0;
  }

  private addPending(start: number, end: number): void {
    if (end <= start) return;
    const last = this.pending[this.pending.length - 1];
    const canMerge = last && this.pending.length > this.frozenCount;
    if (last && canMerge && last[1] === start && end - last[0] <= this.maxSpanMs) {
      last[1] = end;
    } else {
      this.pending.push([start, end]);
    }
    if (this.pending.length > this.maxPending) {
      const dropped = this.pending.length - this.maxPending;
      this.pending.splice(0, dropped);
      this.frozenCount = Math.max(0, this.frozenCount - dropped);
    }
  }

  /**
   * Spans to send now: every closed span, plus the open one cut at `now` (it goes on from
   * there). They stay pending until `confirm` is called with the same batch.
   */
  takeBatch(now: number): Interval[] {
    this.tick(now);
    if (this.openStart !== undefined && this.openEnd > this.openStart) {
      this.addPending(this.openStart, this.openEnd);
      this.openStart = this.openEnd;
    }
    this.frozenCount = this.pending.length;
    return this.pending.map(([start, end]) => [start, end] as const);
  }

  /** The background stored (or refused as invalid) these spans: forget them. */
  confirm(batch: readonly Interval[]): void {
    const sent = new Set(batch.map(([start, end]) => `${start}:${end}`));
    this.pending = this.pending.filter(([start, end]) => !sent.has(`${start}:${end}`));
    this.frozenCount = 0;
  }

  /**
   * Active time this page saw after `since` that may not be in the ledger yet: unsent spans
   * and the open one, clipped to start at `since`.
   */
  activeMsSince(since: number, now: number): number {
    this.tick(now);
    let total = 0;
    const add = (start: number, end: number) => {
      const from = Math.max(start, since);
      if (end > from) total += end - from;
    };
    for (const [start, end] of this.pending) add(start, end);
    if (this.openStart !== undefined) add(this.openStart, this.openEnd);
    return total;
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
