/**
 * Tracking accuracy in a real browser (BRIEF: "What good means"): a scripted session with
 * two feed tabs, tab switches, an idle stretch and service-worker stops is recorded within
 * 2% of the true active time, never double-counted, and nothing is lost when Chrome stops
 * the worker. The true time comes from the script's own timestamps (helpers/activityScript.ts),
 * never from the extension.
 */
import { expect, type Page, test } from '@playwright/test';
import type { ExportFile } from '../../utils/storage/exportData';
import { ActivityScript, toleranceSeconds } from './helpers/activityScript';
import { ExtensionSession, exportedSecondsBySite, INSTAGRAM, X_HOME } from './helpers/extension';

const IDLE_SECONDS = 10;
const IDLE_MS = IDLE_SECONDS * 1000;

let session: ExtensionSession;

test.beforeEach(async () => {
  session = await ExtensionSession.launch();
  // The shortest idle threshold the settings allow, set before any feed page opens.
  await session.setTrackingSettings({ idleThresholdSeconds: IDLE_SECONDS, dayStartHour: 4 });
  await session.routeFixtures([INSTAGRAM, X_HOME]);
});

test.afterEach(async () => {
  await session?.close();
});

async function openFeed(page: Page, url: string, postSelector: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(postSelector).first()).toBeVisible();
}

function totalLength(intervals: readonly (readonly [number, number])[]): number {
  return intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** The part of `span` that `set` (sorted, disjoint) covers. */
function coveredLength(span: readonly [number, number], set: readonly (readonly [number, number])[]): number {
  return set.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, span[1]) - Math.max(start, span[0])), 0);
}

/** Per site: exported vs true seconds, within the brief's tolerance; sessions agree with the totals. */
function expectAccurate(file: ExportFile, script: ActivityScript, until: number): Record<string, unknown> {
  const exported = exportedSecondsBySite(file);
  const figures: Record<string, unknown> = {};
  expect(Object.keys(exported).sort(), 'only the sites the script used have time').toEqual(script.sites().sort());
  for (const site of script.sites()) {
    const trueSeconds = script.activeMs(site, until) / 1000;
    const got = exported[site] ?? 0;
    figures[site] = {
      trueSeconds: Number(trueSeconds.toFixed(2)),
      exportedSeconds: got,
      error: `${(got - trueSeconds).toFixed(2)} s (${(((got - trueSeconds) / trueSeconds) * 100).toFixed(2)}%)`,
    };
    expect(
      Math.abs(got - trueSeconds),
      `${site}: exported ${got} s, true ${trueSeconds.toFixed(2)} s`,
    ).toBeLessThanOrEqual(toleranceSeconds(trueSeconds));
    const sessions = file.sessions.filter((entry) => entry.site === site);
    expect(sessions.length, `${site} has sessions`).toBeGreaterThan(0);
    const sessionSeconds = sessions.reduce((sum, entry) => sum + entry.activeSeconds, 0);
    expect(Math.abs(sessionSeconds - got), `${site}: sessions add up to its time`).toBeLessThanOrEqual(
      0.1 * sessions.length + 0.05,
    );
  }
  expect(file.format).toBe('outside-the-frame');
  expect(file.unreadableRecords).toEqual([]);
  return figures;
}

test('a session across two feed tabs, an idle stretch and a worker stop is counted within 2%, once', async () => {
  const script = new ActivityScript(IDLE_MS);
  const instagram = await session.tab(0);
  await openFeed(instagram, 'https://www.instagram.com/', 'main[role="main"] article');
  const x = await session.context.newPage();
  script.noteFront(undefined); // a new tab opens in front, before its page is X
  await openFeed(x, 'https://x.com/home', '[data-testid="cellInnerDiv"] article[data-testid="tweet"]');
  script.noteFront('x');

  await script.bringToFront(instagram, 'instagram');
  expect(await session.activeTabUrls(), 'the extension sees Instagram in front').toEqual([
    'https://www.instagram.com/',
  ]);

  // 1. Instagram, steady scrolling; then straight to X while Instagram's input is still
  //    fresh (its content script goes on reporting; only the switch may end its time).
  await script.scroll(instagram, 'instagram', 20_000);
  await script.bringToFront(x, 'x');

  // 2. X. Once a report from X has been stored, scroll 5 s more and stop the worker: those
  //    5 s exist only in X's content script at that moment.
  let firstXReportSeenAt: number | undefined;
  let polls = 0;
  await script.scroll(x, 'x', 20_000, async () => {
    if (firstXReportSeenAt === undefined && ++polls % 3 === 0 && ((await session.ledgerTotals()).x ?? 0) > 0) {
      firstXReportSeenAt = Date.now();
    }
    return firstXReportSeenAt !== undefined && Date.now() - firstXReportSeenAt >= 5_000;
  });
  expect(firstXReportSeenAt, 'a report from X was stored while scrolling').toBeDefined();
  const storedXBeforeStop = (await session.ledgerTotals()).x ?? 0;
  const stoppedAt = await session.stopServiceWorker();
  const unsentAtStop = script.activeMs('x', stoppedAt) - storedXBeforeStop;
  expect(unsentAtStop, 'X had unsent time when the worker stopped').toBeGreaterThan(3_000);
  await script.scroll(x, 'x', 8_000);
  await session.waitForWorker(true); // woken by a content script's report

  // 3. Idle on X: no input for 25 s. Only the first 10 s after the last input count.
  await x.waitForTimeout(25_000);

  // 4. Back to Instagram; a pause within the idle threshold still counts, up to the switch.
  await script.bringToFront(instagram, 'instagram');
  await script.scroll(instagram, 'instagram', 15_000);
  await instagram.waitForTimeout(4_000);
  await script.bringToFront(x, 'x');

  // 5. X again, then Instagram in front with no input: neither counts after the switch.
  await script.scroll(x, 'x', 10_000);
  await script.bringToFront(instagram, 'instagram');
  await script.waitUntilReported(instagram);

  const until = Date.now();
  const file = await session.exportData();
  const figures = expectAccurate(file, script, until);

  const exported = exportedSecondsBySite(file);
  const totalSeconds = Object.values(exported).reduce((sum, seconds) => sum + seconds, 0);
  const wallSeconds = (until - (script.firstInputAt ?? until)) / 1000;
  expect(totalSeconds, 'no time counted twice: the total fits in the wall-clock time').toBeLessThanOrEqual(wallSeconds);
  // The sites' totals add up to exactly the ledger's union of counted time: no moment is in two sites.
  const countedSeconds = totalLength(await session.countedIntervals()) / 1000;
  expect(Math.abs(countedSeconds - totalSeconds), 'per-site totals add up to the counted union').toBeLessThanOrEqual(
    0.1 * Object.keys(exported).length,
  );

  const report = { ...figures, totalSeconds, countedSeconds, wallSeconds, unsentXAtWorkerStopMs: unsentAtStop };
  console.log(`tracking figures: ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(report) });
});

test('a report cut off by a worker stop is sent again and counted once', async () => {
  const script = new ActivityScript(IDLE_MS);
  const instagram = await session.tab(0);
  await openFeed(instagram, 'https://www.instagram.com/', 'main[role="main"] article');
  await script.bringToFront(instagram, 'instagram');

  // The worker takes the next report carrying 5 s or more and hangs on it, unanswered.
  const HOLD_MS = 8_000;
  const { held } = await session.holdNextReport(5_000, HOLD_MS);
  let heldReport: Awaited<typeof held> | undefined;
  void held.then((report) => {
    heldReport = report;
  });
  await script.scroll(instagram, 'instagram', 25_000, () => heldReport !== undefined);
  expect(heldReport, 'a report reached the worker while scrolling').toBeDefined();
  const heldSpans = heldReport?.spans ?? [];
  const heldAt = heldReport?.at ?? 0;

  // Stopped while it holds the report: nothing of it was stored, and the tab never got "ok".
  const goneAt = await session.stopServiceWorker();
  expect(goneAt - heldAt, 'the worker stopped before it could have stored the report').toBeLessThan(HOLD_MS);
  expect(totalLength(heldSpans)).toBeGreaterThanOrEqual(5_000);

  await script.scroll(instagram, 'instagram', 3_000);
  // A new tab in front ends Instagram's time; then wait for its content script to re-send.
  const other = await session.context.newPage();
  script.noteFront(undefined);
  await script.waitUntilReported(other);

  const counted = await session.countedIntervals();
  for (const span of heldSpans) {
    expect(
      coveredLength(span, counted),
      `held span ${JSON.stringify(span)} must be counted once it is sent again`,
    ).toBe(span[1] - span[0]);
  }
  const until = Date.now();
  const file = await session.exportData();
  const figures = expectAccurate(file, script, until);
  const report = { ...figures, heldSeconds: totalLength(heldSpans) / 1000 };
  console.log(`worker-stop figures: ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(report) });
});
