/**
 * The test's own record of what the scripted "user" did (which tab was in front, when she
 * scrolled), and from it the TRUE active time per site, computed independently of the
 * extension: a site is active while its tab is the front tab and its last input was at most
 * the idle threshold ago (in headless Chromium every tab is visible and focused, so the
 * front tab is what decides). Two tabs can never be active at once.
 */
import type { Page } from '@playwright/test';

type Interval = [start: number, end: number];

/**
 * After the last moment that counts for a tab, its span is cut at the next 1 s tick and
 * sent with the next report (every 20 s while active, at once when the span closes), then
 * stored after a 250 ms batch (entrypoints/feed.content/activity.ts, entrypoints/background/tracking.ts).
 */
export const REPORT_SETTLE_MS = 1_000 + 20_000 + 2_000;

/** How often the scripted user turns the mouse wheel, and by how much. */
const WHEEL_EVERY_MS = 300;
const WHEEL_DELTA_PX = 60;

function unionOf(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (end > start) merged.push([start, end]);
  }
  return merged;
}

function intersectionOf(a: Interval[], b: Interval[]): Interval[] {
  const pieces: Interval[] = [];
  for (const [aStart, aEnd] of a) {
    for (const [bStart, bEnd] of b) {
      const start = Math.max(aStart, bStart);
      const end = Math.min(aEnd, bEnd);
      if (end > start) pieces.push([start, end]);
    }
  }
  return pieces;
}

const lengthOf = (set: Interval[]) => set.reduce((sum, [start, end]) => sum + (end - start), 0);

export class ActivityScript {
  /** Which site's tab was in front from when (undefined: some other page). */
  private readonly fronts: { at: number; site: string | undefined }[] = [];
  private readonly inputs: { at: number; site: string }[] = [];

  constructor(readonly idleMs: number) {}

  get firstInputAt(): number | undefined {
    return this.inputs[0]?.at;
  }

  /** Bring a tab to the front and note when (the middle of the call: the background sees it then). */
  async bringToFront(page: Page, site: string | undefined): Promise<void> {
    const before = Date.now();
    await page.bringToFront();
    this.fronts.push({ at: Math.round((before + Date.now()) / 2), site });
  }

  /** Note that a tab became the front tab without `bringToFront` (a new tab opens in front). */
  noteFront(site: string | undefined, at = Date.now()): void {
    this.fronts.push({ at, site });
  }

  /** One small turn of the mouse wheel over the page. */
  async wheel(page: Page, site: string): Promise<void> {
    await page.mouse.wheel(0, WHEEL_DELTA_PX);
    // The wheel call resolves as the event is dispatched (within a few ms either way).
    this.inputs.push({ at: Date.now(), site });
  }

  /**
   * Scroll steadily for `durationMs`, or until `stopWhen` says so (checked between turns).
   * Returns how long it scrolled.
   */
  async scroll(
    page: Page,
    site: string,
    durationMs: number,
    stopWhen?: () => Promise<boolean> | boolean,
  ): Promise<number> {
    await page.mouse.move(300, 300);
    const start = Date.now();
    while (Date.now() - start < durationMs) {
      await this.wheel(page, site);
      if (stopWhen && (await stopWhen())) break;
      const next = start + Math.ceil((Date.now() - start + 1) / WHEEL_EVERY_MS) * WHEEL_EVERY_MS;
      await page.waitForTimeout(Math.max(0, next - Date.now()));
    }
    return Date.now() - start;
  }

  /** When the site's tab was in front, up to `until`. */
  private frontIntervals(site: string, until: number): Interval[] {
    const intervals: Interval[] = [];
    this.fronts.forEach((front, index) => {
      if (front.site !== site) return;
      intervals.push([front.at, Math.min(until, this.fronts[index + 1]?.at ?? until)]);
    });
    return intervals;
  }

  /** The true active intervals of a site up to `until`. */
  activeIntervals(site: string, until: number): Interval[] {
    const recentInput = unionOf(
      this.inputs
        .filter((input) => input.site === site && input.at < until)
        .map((input): Interval => [input.at, Math.min(until, input.at + this.idleMs)]),
    );
    return unionOf(intersectionOf(recentInput, this.frontIntervals(site, until)));
  }

  activeMs(site: string, until: number): number {
    return lengthOf(this.activeIntervals(site, until));
  }

  sites(): string[] {
    return [...new Set(this.inputs.map((input) => input.site))];
  }

  /** The last moment that counts for any site, if nothing else happens. */
  lastActiveMoment(): number {
    let last = Number.NEGATIVE_INFINITY;
    for (const site of this.sites()) {
      for (const [, end] of this.activeIntervals(site, Number.POSITIVE_INFINITY)) last = Math.max(last, end);
    }
    return last;
  }

  /** Wait, without input, until everything that counts has been reported and stored. */
  async waitUntilReported(page: Page): Promise<void> {
    const lastActive = this.lastActiveMoment();
    await page.waitForTimeout(Math.max(0, lastActive + REPORT_SETTLE_MS - Date.now()));
  }
}

/** The accuracy target from the brief: within 2%, or 2 s for short totals. */
export function toleranceSeconds(trueSeconds: number): number {
  return Math.max(0.02 * trueSeconds, 2);
}
