/**
 * The content script's own main-thread time on a feed page, per minute (BRIEF: "Cost on the
 * page"), with everything on that a user would have on: a daily limit, a feed-free time
 * scheduled for later, and reminders at their default frequency.
 *
 * - Scrolling: a wheel event every 100 ms for about 15 s on the busy fixture feed, CDP
 *   profiler samples whose frames belong to the extension's scripts, scaled to one minute;
 *   fast (400 px a turn, 4,000 px a second), then at reading pace (60 px a turn: each post is
 *   in view a second or two, so the posts she looks at are read and timed).
 * - Hidden tab: the same page made hidden and unfocused (headless tabs all report visible, so
 *   `visibilityState`, `hidden` and `hasFocus` are overridden inside the content script's own
 *   isolated world and the events it listens to are fired), then left alone; the same samples,
 *   scaled to one minute. Nothing should run there at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const WHEEL_EVERY_MS = 100;
const WHEEL_PX = 400;
const SAMPLING_INTERVAL_US = 200;

const WARM_UP_SECONDS = 5;

/** A slower scroll, as when she reads as she goes: 600 px a second, each post in view a second or two. */
const READING_WHEEL_PX = 60;

/** Turn the wheel by `px` every 100 ms (and move the mouse now and then) for `seconds`; returns the wall time. */
async function scrollFor(page, seconds, px = WHEEL_PX) {
  const started = Date.now();
  for (let step = 1; Date.now() - started < seconds * 1000; step++) {
    await page.mouse.wheel(0, px);
    if (step % 10 === 0) await page.mouse.move(600 + (step % 80), 380 + (step % 40));
    const wait = started + step * WHEEL_EVERY_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  return Date.now() - started;
}

/**
 * The extension's main-thread time in a CPU profile: its share of all samples (frames whose
 * script is the extension's) times the profile's length. On a loaded 2-core machine the sampler
 * is sometimes late by milliseconds; counting each sample as "until the next one" would charge
 * that whole gap to whatever the last sample caught, and the extension's calls last microseconds.
 * Also returns the extension's heaviest functions by the same measure.
 */
export function extensionTime(profile, extensionScriptIds) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map();
  const perSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  let total = 0;
  for (const nodeId of profile.samples) {
    const frame = nodes.get(nodeId)?.callFrame ?? {};
    if (!(frame.url?.startsWith('chrome-extension://') || extensionScriptIds.has(String(frame.scriptId)))) continue;
    total += perSample;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url?.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + perSample);
  }
  return { total, functions };
}

/** Headless Chromium's flags for the runs here, with the extension in `extensionDir` (none without). */
export function chromiumArgs(extensionDir) {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return args;
}

/** The fixture feed served at `feedUrl` (a real site's address); every other web request is refused. */
export function serveFeedOnly(context, feedUrl, feedHtml) {
  return context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) =>
      route.request().url() === feedUrl
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: feedHtml })
        : route.abort(),
  );
}

/**
 * The extension opens its first-run page in a new tab when it is installed: close it (waiting
 * up to 10 s for it), so the page under test is the tab in front, as it would be for her.
 */
export async function closeFirstRunPage(context, worker) {
  const welcome = `chrome-extension://${new URL(worker.url()).host}/welcome.html?first`;
  for (let waited = 0; waited < 10_000; waited += 100) {
    const page = context.pages().find((candidate) => candidate.url() === welcome);
    if (page) return page.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Settings with a daily limit far from reached, a feed-free time later today, reminders on. */
/** One busy-feed account hidden on this device, and a trigger word of her own. */
export function postFeatureState(now) {
  return {
    schemaVersion: 1,
    accounts: [{ site: 'instagram', handle: 'the.tidy.corner', hiddenAt: now }],
    triggerWords: ['pantry labels'],
  };
}

function everythingOnSettings(now) {
  const start = new Date(now + 3 * 3_600_000);
  const end = new Date(now + 4 * 3_600_000);
  const clock = (date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return {
    schemaVersion: 2,
    tracking: { idleThresholdSeconds: 60, dayStartHour: 4 },
    boundaries: {
      dailyLimitMinutes: 600,
      siteLimits: { instagram: 500 },
      feedFreeWindows: [{ id: 'later', start: clock(start), end: clock(end), days: [0, 1, 2, 3, 4, 5, 6], label: '' }],
      warningPercent: 80,
      extraMinutes: 5,
      extensionsPerDay: 2,
      pauseSeconds: 10,
    },
    nudges: { frequency: 'gentle' },
  };
}

/**
 * One run: the busy feed with the extension and everything on; returns ms per minute of the
 * extension's own samples while scrolling and while hidden.
 */
export async function measurePageCost({ chromiumPath, args, feedUrl, feedHtml, scrollSeconds, hiddenSeconds }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'otf-bench-cost-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await closeFirstRunPage(context, worker);
    await worker.evaluate((settings) => chrome.storage.sync.set({ settings }), everythingOnSettings(Date.now()));
    // Post features with everything they do: one account hidden (its posts fold away), her own words.
    await worker.evaluate((accounts) => chrome.storage.local.set({ accounts }), postFeatureState(Date.now()));
    await serveFeedOnly(context, feedUrl, feedHtml);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const extensionScriptIds = new Set();
    let isolatedContextId;
    cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => {
      if (url.startsWith('chrome-extension://')) extensionScriptIds.add(scriptId);
    });
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
      if (created.auxData?.type === 'isolated' && created.origin?.startsWith('chrome-extension://')) {
        isolatedContextId = created.id;
      }
      if (created.auxData?.type === 'isolated' && isolatedContextId === undefined) isolatedContextId = created.id;
    });
    await cdp.send('Debugger.enable');
    await cdp.send('Runtime.enable');
    await page.goto(feedUrl);
    await page.waitForFunction(() => window.__busyFeed?.posts() > 0);
    await page.waitForTimeout(2_000);
    await cdp.send('Debugger.disable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });

    // Scrolling: one wheel event every 100 ms, paced by the clock rather than by the awaits. A few
    // seconds first, unmeasured, so the figure is the steady cost rather than the first calls'.
    await page.mouse.move(640, 400);
    await scrollFor(page, WARM_UP_SECONDS);
    await cdp.send('Profiler.start');
    const scrollWallMs = await scrollFor(page, scrollSeconds);
    const scrolled = extensionTime((await cdp.send('Profiler.stop')).profile, extensionScriptIds);
    // At reading pace: the posts in view are looked at, read and timed.
    await cdp.send('Profiler.start');
    const readingWallMs = await scrollFor(page, scrollSeconds, READING_WHEEL_PX);
    const reading = extensionTime((await cdp.send('Profiler.stop')).profile, extensionScriptIds);

    // Hidden: only the content script's world sees the page as hidden and unfocused.
    if (isolatedContextId === undefined) throw new Error('The content script’s isolated world was not seen');
    await cdp.send('Runtime.evaluate', {
      contextId: isolatedContextId,
      expression: `(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.hasFocus = () => false;
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('blur'));
      })()`,
    });
    // Let the last report go out, then measure a quiet stretch.
    await page.waitForTimeout(3_000);
    await cdp.send('Profiler.start');
    const hiddenStarted = Date.now();
    await page.waitForTimeout(hiddenSeconds * 1000);
    const hiddenWallMs = Date.now() - hiddenStarted;
    const hidden = extensionTime((await cdp.send('Profiler.stop')).profile, extensionScriptIds);

    return {
      scrollMsPerMinute: scrolled.total / (scrollWallMs / 60_000),
      readingMsPerMinute: reading.total / (readingWallMs / 60_000),
      hiddenMsPerMinute: hidden.total / (hiddenWallMs / 60_000),
      scrollFunctions: scrolled.functions,
      readingFunctions: reading.functions,
      hiddenFunctions: hidden.functions,
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
