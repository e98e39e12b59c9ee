// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://news.example.org/today" }
/**
 * The page script on a site she added (registered there at run time): it knows the site from
 * her settings, counts time, shows the boundary as the plain screen (only the built-in sites may
 * frame the extension's pages), and stops on a page of a site that is not in her list.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activityReporting, REPORT_EVERY_MS } from '@/entrypoints/feed.content/activity';
import { boundaries } from '@/entrypoints/feed.content/boundary';
import { type PageFeature, runPage } from '@/entrypoints/feed.content/runner';
import { newUserSite } from '@/utils/sites/userSites';
import { defaultSettings } from '@/utils/storage/settings';
import { useTimeZone } from '../helpers/timeZone';
import { type Envelope, fakePageClock, standInBackground } from './pageHarness';

const S = 1000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
let received: Envelope[];
let ctx: ContentScriptContext;

useTimeZone('UTC');

beforeEach(() => {
  fakePageClock(NOW);
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  received = [];
  standInBackground(received, (message) =>
    message.type === 'activity/report' ? { ok: true, settled: 1, countedMs: 0 } : { ok: true },
  );
  ctx = new ContentScriptContext('feed');
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  for (const host of document.documentElement.querySelectorAll('outside-the-frame-boundary')) host.remove();
});

async function saveSites(domains: string[], dailyLimitMinutes: number | null = null) {
  const settings = defaultSettings();
  settings.sites.added = domains.map((domain, i) => newUserSite(domain, 'Example news', i));
  settings.boundaries.dailyLimitMinutes = dailyLimitMinutes;
  await fakeBrowser.storage.sync.set({ settings });
}

async function scrollFor(seconds: number) {
  for (let i = 0; i < seconds; i++) {
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 300 }));
    await vi.advanceTimersByTimeAsync(S);
  }
}

describe('the page script on a site she added', () => {
  it('takes the site from her settings and counts time there', async () => {
    await saveSites(['example.org']);
    const seen: string[] = [];
    const probe: PageFeature = {
      id: 'probe',
      runsOn: 'feed',
      start: (page) => {
        seen.push(`${page.site.id} ${page.site.name} ${page.isFeedPage()}`);
        return undefined;
      },
    };
    await runPage(ctx, [probe, activityReporting], window, vi.fn())?.ready;
    expect(seen).toEqual(['site:example.org Example news true']);
    await scrollFor(REPORT_EVERY_MS / S);
    expect(received.filter((message) => message.type === 'activity/report')).toHaveLength(1);
  });

  it('shows the plain boundary screen there, with Leave and no frame', async () => {
    await saveSites(['example.org'], 1);
    await fakeBrowser.storage.local.set({
      boundaryUsage: { schemaVersion: 1, day: '2026-11-22', todayMsBySite: { 'site:example.org': 70 * S }, at: NOW },
    });
    await runPage(ctx, [activityReporting, boundaries], window, vi.fn())?.ready;
    const root = document.querySelector('outside-the-frame-boundary')?.shadowRoot;
    expect(root?.querySelector('iframe')).toBeNull();
    expect(root?.querySelector('[role="dialog"] h1')?.textContent).toBeTruthy();
    const leave = root?.querySelector('button');
    expect(leave?.textContent).toBe('Leave Example news');
    expect(root?.activeElement ?? document.activeElement).toBe(leave);
  });

  it('does nothing on a site that is not (or no longer) in her list', async () => {
    await saveSites(['example.com']);
    const started = vi.fn();
    await runPage(ctx, [{ id: 'probe', runsOn: 'site', start: started }, activityReporting], window, vi.fn())?.ready;
    expect(started).not.toHaveBeenCalled();
    await scrollFor(REPORT_EVERY_MS / S);
    expect(received).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is not stopped by a settings change that comes before its first read', async () => {
    await saveSites(['example.org']);
    const runner = runPage(ctx, [activityReporting], window, vi.fn());
    // Only the local copy's flag changes, at once: the synced settings aren't known yet here.
    await fakeBrowser.storage.local.set({ settingsLocalIsNewer: false });
    await runner?.ready;
    await scrollFor(REPORT_EVERY_MS / S);
    expect(received.filter((message) => message.type === 'activity/report')).toHaveLength(1);
  });
});
