/**
 * Drives the built Firefox add-on (.output/firefox-mv3) in a real Firefox — ESR 140, the
 * oldest desktop Firefox it supports — over WebDriver BiDi with puppeteer-core: install it as
 * a temporary add-on, open its pages, serve fixture pages at the real sites' origins (nothing
 * reaches the network), and read or write its storage from one of its own pages.
 *
 * Which Firefox: FIREFOX_PATH, else the ESR 140 that `.ci/run` unpacks into `.ci/.firefox`,
 * else Debian's /usr/bin/firefox-esr.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'wxt/browser';

// Only ever evaluated inside the add-on's own pages, where `browser` is the extension API.
declare const browser: typeof WebExtensionApi;

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXTENSION_DIR = join(PROJECT_ROOT, '.output/firefox-mv3');
const LOCAL_FIREFOX = join(PROJECT_ROOT, '.ci/.firefox/usr/lib/firefox-esr/firefox-esr');
export const FIREFOX_PATH =
  process.env.FIREFOX_PATH ?? (existsSync(LOCAL_FIREFOX) ? LOCAL_FIREFOX : '/usr/bin/firefox-esr');
const FIXTURE_PAGES = join(PROJECT_ROOT, 'tests/fixtures/pages');

/** Firefox gives each install a random internal address; this pins it, so pages have known URLs. */
const EXTENSION_UUID = '6f1c9a52-3d8e-4b7a-9c21-5e0d4f8a7b36';

export interface FixtureRoute {
  origin: string;
  file: string;
}
export const INSTAGRAM: FixtureRoute = { origin: 'https://www.instagram.com', file: 'instagram-feed.html' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a page or frame really is: Firefox does not report navigations to its internal pages. */
const addressOf = (target: Page | Frame) => target.evaluate(() => location.href).catch(() => '');

export class FirefoxSession {
  private constructor(
    readonly browser: Browser,
    /** The first-run page the add-on opened on install. */
    readonly welcome: Page | undefined,
  ) {}

  static async launch(): Promise<FirefoxSession> {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built add-on at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    if (!existsSync(FIREFOX_PATH)) {
      throw new Error(
        `No Firefox at ${FIREFOX_PATH}: run \`bash .ci/firefox.sh\` (Firefox ESR 140), or set FIREFOX_PATH.`,
      );
    }
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const geckoId: string = manifest.browser_specific_settings.gecko.id;
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // Answers the browser's "allow this add-on on these sites?" question with yes, as she would.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    try {
      await browser.installExtension(EXTENSION_DIR);
      let welcome: Page | undefined;
      for (let waited = 0; !welcome && waited < 10_000; waited += 200) {
        for (const page of await browser.pages()) {
          if ((await addressOf(page)).startsWith(extensionUrl('welcome.html'))) welcome = page;
        }
        if (!welcome) await pause(200);
      }
      return new FirefoxSession(browser, welcome);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Firefox's own version string, e.g. "firefox/140.12.0". */
  version(): Promise<string> {
    return this.browser.version();
  }

  /** Opens one of the add-on's pages in a new tab, once its content is on screen. */
  async extensionPage(path: string, ready = 'h1, h2'): Promise<Page> {
    const page = await this.browser.newPage();
    // Firefox may never report this navigation as done: wait for the page's own content instead.
    void page.goto(extensionUrl(path)).catch(() => undefined);
    for (let waited = 0; !(await addressOf(page)).startsWith(extensionUrl(path)); waited += 100) {
      if (waited > 10_000) throw new Error(`${path} did not open`);
      await pause(100);
    }
    await page.waitForSelector(ready, { timeout: 10_000 });
    return page;
  }

  /** Runs `script` in one of the add-on's pages, where `browser.*` is the extension API. */
  async inExtension<T, A>(script: (arg: A) => Promise<T>, arg: A): Promise<T> {
    const page = await this.extensionPage('privacy.html');
    try {
      return (await page.evaluate(script as (arg: unknown) => Promise<T>, arg)) as T;
    } finally {
      await page.close();
    }
  }

  async setSettings(settings: unknown): Promise<void> {
    await this.inExtension((value) => browser.storage.sync.set({ settings: value }), settings);
  }

  async setLocal(items: Record<string, unknown>): Promise<void> {
    await this.inExtension((value) => browser.storage.local.set(value), items);
  }

  async settings(): Promise<unknown> {
    return this.inExtension(async () => (await browser.storage.sync.get('settings')).settings, null);
  }

  /** Counted ms per site, all days together, read from the add-on's ledger. */
  async ledgerTotals(): Promise<Record<string, number>> {
    return this.inExtension(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('outside-the-frame');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('ledger')) return {};
        const store = db.transaction('ledger').objectStore('ledger');
        const read = (request: IDBRequest) =>
          new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
        const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
        const totals: Record<string, number> = {};
        keys.forEach((key, index) => {
          if (!String(key).startsWith('day/')) return;
          const ms = (values[index] as { ms?: Record<string, number> } | undefined)?.ms ?? {};
          for (const [site, siteMs] of Object.entries(ms)) totals[site] = (totals[site] ?? 0) + siteMs;
        });
        return totals;
      } finally {
        db.close();
      }
    }, null);
  }

  /** A new tab on the fixture's site, in front; every other web request is aborted. */
  async openFeed(route: FixtureRoute, path = '/'): Promise<Page> {
    const body = readFileSync(join(FIXTURE_PAGES, route.file), 'utf8');
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return void request.continue();
      if (url.origin === route.origin && request.isNavigationRequest()) {
        return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      }
      return void request.abort();
    });
    await page.goto(`${route.origin}${path}`);
    await page.bringToFront();
    await page.mouse.move(300, 300);
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

/** The add-on's page in a frame on `page` whose address starts with `path` (e.g. `nudge.html`). */
export async function extensionFrame(page: Page, path: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if ((await addressOf(frame)).startsWith(extensionUrl(path))) return frame;
  }
  return undefined;
}

/** One small turn of the mouse wheel, then a short wait. */
export async function scrollStep(page: Page, pixels = 150, waitMs = 400): Promise<void> {
  await page.mouse.wheel({ deltaY: pixels });
  await pause(waitMs);
}

/** The text of the focused element (in `target`'s document), trimmed. */
export function focusedText(target: Page | Frame): Promise<string> {
  return target.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return (active?.closest('label')?.textContent ?? active?.textContent ?? '').trim();
  });
}

/** Clicks the button whose text is `name` in `target`; fails when there is none. */
export async function clickButton(target: Page | Frame, name: string): Promise<void> {
  const button = await target.waitForSelector(`::-p-text(${name})`, { timeout: 10_000 });
  if (!button) throw new Error(`No “${name}” button`);
  await button.click();
}

export { pause };
