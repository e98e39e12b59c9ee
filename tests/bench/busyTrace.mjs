/**
 * Where the page's own time goes on the busy feed, from a Chromium trace of its main thread:
 * `node tests/bench/busyTrace.mjs none|shown|hidden` scrolls the busy feed (150 wheel turns of
 * 1,200 px, 40 ms apart) without the extension, with it and no account hidden, or with one
 * account hidden (as in the other runs), and prints the main thread's time by kind of work
 * (style, layout, paint, scripts, animation frames) and the number of each. `OTF_EXTENSION_DIR`
 * points it at another build. It explains the side-by-side figure of `run.mjs --only=busy`
 * rather than replacing it: a trace adds overhead of its own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, closeFirstRunPage, postFeatureState, serveFeedOnly } from './pageCost.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION_DIR = process.env.OTF_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
const FEED_HTML = readFileSync(join(ROOT, 'tests/fixtures/pages/busy-feed.html'), 'utf8');
const FEED_URL = 'https://www.instagram.com/';
const STEPS = 150;
/** The kinds of main-thread work summed (trace event names). */
const KINDS =
  /^(RunTask|UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|HitTest|ParseHTML|FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|PageAnimator::serviceScriptedAnimations)$/;

const mode = process.argv[2];
if (!['none', 'shown', 'hidden'].includes(mode)) {
  console.error('usage: node tests/bench/busyTrace.mjs none|shown|hidden');
  process.exit(2);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'otf-trace-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: chromiumArgs(mode === 'none' ? undefined : EXTENSION_DIR),
});
try {
  if (mode !== 'none') {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await closeFirstRunPage(context, worker);
    if (mode === 'hidden')
      await worker.evaluate((accounts) => chrome.storage.local.set({ accounts }), postFeatureState(Date.now()));
  }
  await serveFeedOnly(context, FEED_URL, FEED_HTML);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await page.goto(FEED_URL);
  await page.waitForFunction(() => window.__busyFeed?.posts() > 0);
  await page.waitForTimeout(1_500);

  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,toplevel',
    transferMode: 'ReportEvents',
  });
  await page.mouse.move(640, 400);
  for (let step = 0; step < STEPS; step++) {
    await page.mouse.wheel(0, 1_200);
    await page.waitForTimeout(40);
  }
  await cdp.send('Tracing.end');
  await complete;
  const posts = await page.evaluate(() => window.__busyFeed.posts());

  // The page's main thread: the one that recalculated style most often.
  const recalcs = new Map();
  for (const event of events) {
    if (event.name !== 'UpdateLayoutTree') continue;
    const thread = `${event.pid}:${event.tid}`;
    recalcs.set(thread, (recalcs.get(thread) ?? 0) + 1);
  }
  const main = [...recalcs].sort((a, b) => b[1] - a[1])[0]?.[0];
  const kinds = new Map();
  for (const event of events) {
    if (`${event.pid}:${event.tid}` !== main || event.ph !== 'X' || !event.dur || !KINDS.test(event.name)) continue;
    const kind = kinds.get(event.name) ?? { ms: 0, count: 0 };
    kind.ms += event.dur / 1000;
    kind.count++;
    kinds.set(event.name, kind);
  }
  console.log(`${mode}: ${posts} posts after ${STEPS} wheel turns; main thread by kind of work (RunTask: all tasks)`);
  for (const [name, { ms, count }] of [...kinds].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${String(count).padStart(5)}×  ${name}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
