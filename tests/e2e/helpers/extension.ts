/**
 * Drives the built extension (.output/chrome-mv3) in Debian's Chromium for the real-browser
 * tests: launch with the extension loaded, serve fixture pages at the real sites' origins
 * (no network), set settings, read the ledger, stop the service worker the way Chrome does
 * when it is idle, and export the data through the dashboard's "Export data" button.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import type { Browser } from 'wxt/browser';
import type { ExportFile } from '../../../utils/storage/exportData';
import type { TrackingSettings } from '../../../utils/storage/settings';

// Only ever evaluated inside the extension's service worker, where `chrome` exists.
declare const chrome: typeof Browser;

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built extension; OTF_EXTENSION_DIR points elsewhere (e.g. a deliberately broken copy). */
export const EXTENSION_DIR = process.env.OTF_EXTENSION_DIR ?? join(PROJECT_ROOT, '.output/chrome-mv3');
export const FIXTURE_PAGES = join(PROJECT_ROOT, 'tests/fixtures/pages');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, reproducible browser; the same with and without the extension. */
export function chromiumArgs(extensionDir?: string): string[] {
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

/** A fixture page served at a real site's URL. */
export interface FixtureRoute {
  /** e.g. `https://www.instagram.com` */
  origin: string;
  /** File in tests/fixtures/pages served for every path of that origin. */
  file: string;
}

export const INSTAGRAM: FixtureRoute = { origin: 'https://www.instagram.com', file: 'instagram-feed.html' };
export const X_HOME: FixtureRoute = { origin: 'https://x.com', file: 'x-home.html' };

export interface HeldReport {
  /** When the test saw the report arrive. */
  at: number;
  spans: [number, number][];
}

export class ExtensionSession {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    /** Playwright keeps this handle across worker restarts: it evaluates in whichever worker runs. */
    readonly worker: Worker,
    private readonly userDataDir: string,
    /** The first-run page the extension opened on install (kept open only when asked for). */
    readonly welcome: Page | undefined,
  ) {}

  /**
   * A fresh browser with the built extension installed. The extension opens its first-run page
   * on install; it is closed (so the tests' own tab is the active one) unless `keepWelcome`.
   */
  static async launch({ keepWelcome = false } = {}): Promise<ExtensionSession> {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npx wxt build\` (or \`npm run build\`) first.`);
    }
    const userDataDir = mkdtempSync(join(tmpdir(), 'otf-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: chromiumArgs(EXTENSION_DIR),
    });
    try {
      const worker =
        context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', {
          predicate: (candidate) => candidate.url().startsWith('chrome-extension://'),
          timeout: 15_000,
        }));
      const extensionId = new URL(worker.url()).host;
      const welcomeUrl = `chrome-extension://${extensionId}/welcome.html?first`;
      let welcome: Page | undefined;
      for (let waited = 0; !welcome && waited < 10_000; waited += 100) {
        welcome = context.pages().find((page) => page.url() === welcomeUrl);
        if (!welcome) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (welcome && !keepWelcome) {
        await welcome.close();
        welcome = undefined;
      }
      return new ExtensionSession(context, extensionId, worker, userDataDir, welcome);
    } catch (error) {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Serve the fixtures at their origins and abort every other web request, so nothing
   * reaches the network. chrome-extension:// requests are never intercepted.
   */
  async routeFixtures(routes: readonly FixtureRoute[]): Promise<void> {
    const bodies = new Map(
      routes.map((route) => [route.origin, readFileSync(join(FIXTURE_PAGES, route.file), 'utf8')]),
    );
    await this.context.route(
      (url) => url.protocol === 'https:' || url.protocol === 'http:',
      async (route) => {
        const url = new URL(route.request().url());
        const body = bodies.get(url.origin);
        if (body !== undefined && route.request().resourceType() === 'document') {
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
        } else {
          await route.abort();
        }
      },
    );
  }

  /** The first tab (opened with the browser), or a new one. */
  async tab(index: number): Promise<Page> {
    return this.context.pages()[index] ?? (await this.context.newPage());
  }

  async setTrackingSettings(tracking: TrackingSettings): Promise<void> {
    await this.worker.evaluate(
      (value) => chrome.storage.sync.set({ settings: { schemaVersion: 1, tracking: value } }),
      tracking,
    );
  }

  /** Replaces all settings (the current schema) in storage.sync, as the popup's Save does. */
  async setSettings(settings: unknown): Promise<void> {
    await this.worker.evaluate((value) => chrome.storage.sync.set({ settings: value }), settings);
  }

  /** One item of chrome.storage.local as stored (e.g. `accounts`, which only the background writes). */
  async localItem(key: string): Promise<unknown> {
    await this.waitForWorker(true);
    return this.worker.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);
  }

  /** Which tab the extension sees as active in each window (what the background clips spans to). */
  async activeTabUrls(): Promise<string[]> {
    await this.waitForWorker(true);
    return this.worker.evaluate(async () =>
      (await chrome.tabs.query({ active: true })).map((tab) => tab.url ?? tab.pendingUrl ?? ''),
    );
  }

  /** Every record of the ledger in IndexedDB, read in the service worker (its only writer). */
  async ledgerEntries(): Promise<[string, unknown][]> {
    await this.waitForWorker(true);
    return this.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('outside-the-frame');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('ledger')) return [];
        const store = db.transaction('ledger').objectStore('ledger');
        const read = (request: IDBRequest) =>
          new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
        const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
        return keys.map((key, index): [string, unknown] => [String(key), values[index]]);
      } finally {
        db.close();
      }
    });
  }

  /**
   * Write ledger records as the background would (e.g. a day's totals), in the service worker.
   * The background's copy for pages is published again when settings change next.
   */
  async seedLedger(records: [key: string, value: unknown][]): Promise<void> {
    await this.waitForWorker(true);
    await this.worker.evaluate(async (entries) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('outside-the-frame');
        request.onupgradeneeded = () => request.result.createObjectStore('ledger');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const transaction = db.transaction('ledger', 'readwrite');
        for (const [key, value] of entries) transaction.objectStore('ledger').put(value, key);
        await new Promise((resolve, reject) => {
          transaction.oncomplete = resolve;
          transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    }, records);
  }

  /** Counted ms per site, all days together. */
  async ledgerTotals(): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    for (const [key, value] of await this.ledgerEntries()) {
      if (!key.startsWith('day/')) continue;
      const ms = (value as { ms?: Record<string, number> } | undefined)?.ms ?? {};
      for (const [site, siteMs] of Object.entries(ms)) totals[site] = (totals[site] ?? 0) + siteMs;
    }
    return totals;
  }

  /** The ledger's set of counted time (all sites), sorted and disjoint. */
  async countedIntervals(): Promise<[number, number][]> {
    const state = (await this.ledgerEntries()).find(([key]) => key === 'tracking-state')?.[1];
    return (state as { counted?: [number, number][] } | undefined)?.counted ?? [];
  }

  private async serviceWorkerTargetIds(): Promise<string[]> {
    // Any page will do: Target.* on a page session sees the browser's targets.
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    const cdp = await this.context.newCDPSession(page);
    try {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos
        .filter(
          (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${this.extensionId}/`),
        )
        .map((info) => info.targetId);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async isWorkerRunning(): Promise<boolean> {
    return (await this.serviceWorkerTargetIds()).length > 0;
  }

  /** Wait until the worker is running (`true`) or stopped (`false`). */
  async waitForWorker(running: boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.isWorkerRunning()) !== running) {
      if (Date.now() > deadline) throw new Error(`The service worker did not ${running ? 'start' : 'stop'} in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Stop the service worker as Chrome does when it is idle: its memory is gone, and it
   * starts again on the next event (here: a content script's message).
   * Resolves once the worker is gone; returns when that was seen.
   */
  async stopServiceWorker(): Promise<number> {
    const [targetId] = await this.serviceWorkerTargetIds();
    if (!targetId) throw new Error('The service worker is not running');
    const close = async () => {
      const page = this.context.pages()[0] ?? (await this.context.newPage());
      const cdp = await this.context.newCDPSession(page);
      try {
        await cdp.send('Target.closeTarget', { targetId });
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    };
    await close();
    // Gone once its target is: a page's message may start a new worker (another target) within
    // the same tenth of a second, so "no worker running" alone can be missed. A worker busy at
    // that moment can let the first request pass: it is asked again each second.
    const deadline = Date.now() + 10_000;
    let askAgainAt = Date.now() + 1_000;
    while ((await this.serviceWorkerTargetIds()).includes(targetId)) {
      if (Date.now() > deadline) throw new Error('The service worker did not stop in time');
      if (Date.now() >= askAgainAt) {
        await close().catch(() => undefined);
        askAgainAt = Date.now() + 1_000;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now();
  }

  /**
   * Make the worker take the next activity report whose spans add up to at least
   * `minSpanMs` and then hang for `holdMs` without answering or storing it, as a worker
   * does that Chrome stops mid-write. `held` resolves (with the spans) when that report
   * arrives; stop the worker then.
   */
  async holdNextReport(minSpanMs: number, holdMs: number): Promise<{ held: Promise<HeldReport> }> {
    const marker = 'otf-held-report ';
    const held = this.worker
      .waitForEvent('console', { predicate: (message) => message.text().startsWith(marker), timeout: 60_000 })
      .then((message) => ({ at: Date.now(), spans: JSON.parse(message.text().slice(marker.length)) }));
    await this.worker.evaluate(
      ([minMs, forMs, prefix]) => {
        let holding = false;
        // Added after the background's own listener, so that one has taken the report already.
        chrome.runtime.onMessage.addListener((message: unknown) => {
          const report = message as { type?: unknown; data?: { spans?: unknown } };
          if (holding || report?.type !== 'activity/report' || !Array.isArray(report.data?.spans)) return false;
          const spans = report.data.spans as [number, number][];
          if (spans.reduce((sum, [start, end]) => sum + (end - start), 0) < minMs) return false;
          holding = true;
          console.log(`${prefix}${JSON.stringify(spans)}`);
          const until = Date.now() + forMs;
          while (Date.now() < until) {
            // Keep the worker's only thread busy: its batched write can never run.
          }
          return false;
        });
      },
      [minSpanMs, holdMs, marker] as const,
    );
    return { held };
  }

  /** Export everything through the dashboard's button, as a user would, and parse the file. */
  async exportData(): Promise<ExportFile> {
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome-extension://${this.extensionId}/dashboard.html`);
      const button = page.getByRole('button', { name: 'Export data' });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const file = await download.path();
      return JSON.parse(readFileSync(file, 'utf8')) as ExportFile;
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/** Seconds per site summed over all days of an export. */
export function exportedSecondsBySite(file: ExportFile): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const { site, seconds } of file.activeTime) totals[site] = (totals[site] ?? 0) + seconds;
  return totals;
}
