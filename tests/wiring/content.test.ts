// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { REPORT_EVERY_MS, startActivityReporting } from '@/entrypoints/feed.content/activity';
import type { Interval } from '@/utils/time/intervals';

const S = 1000;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
let reports: Interval[][];
let workerDown: boolean;
let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  reports = [];
  workerDown = false;
  // Stands in for the background, answering the way it does (sendResponse, then true).
  fakeBrowser.runtime.onMessage.addListener(
    (message: { spans: Interval[] }, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      if (workerDown) throw new Error('Could not establish connection. Receiving end does not exist.');
      reports.push(message.spans);
      setTimeout(() => sendResponse({ ok: true, settled: message.spans.length, countedMs: 0 }), 0);
      return true;
    },
  );
  ctx = new ContentScriptContext('feed');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

/** Scroll once a second for `seconds` seconds. */
async function scrollFor(seconds: number) {
  for (let i = 0; i < seconds; i++) {
    window.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(S);
  }
}

const total = (spans: Interval[]) => spans.reduce((sum, [start, end]) => sum + end - start, 0);

describe('feed content script: activity reporting', () => {
  it('reports scrolling time every few seconds', async () => {
    startActivityReporting(ctx, window);
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports).toHaveLength(1);
    expect(total(reports[0] ?? [])).toBeGreaterThanOrEqual(REPORT_EVERY_MS - S);
    expect(reports[0]?.[0]?.[0]).toBe(NOW);
  });

  it('reports nothing while the page sits untouched', async () => {
    startActivityReporting(ctx, window);
    await vi.advanceTimersByTimeAsync(3 * REPORT_EVERY_MS);
    expect(reports).toEqual([]);
  });

  it('keeps spans while the worker is unreachable and sends them again', async () => {
    startActivityReporting(ctx, window);
    workerDown = true;
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports).toEqual([]);
    workerDown = false;
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports).toHaveLength(1);
    const sent = reports[0] ?? [];
    expect(sent[0]?.[0]).toBe(NOW);
    expect(total(sent)).toBeGreaterThanOrEqual(2 * REPORT_EVERY_MS - S);
  });

  it('stops counting and reports at once when the window loses focus', async () => {
    startActivityReporting(ctx, window);
    await scrollFor(4);
    vi.mocked(document.hasFocus).mockReturnValue(false);
    window.dispatchEvent(new Event('blur'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reports).toHaveLength(1);
    expect(total(reports[0] ?? [])).toBe(4 * S);
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports).toHaveLength(1);
  });

  it('counts a playing video without input', async () => {
    startActivityReporting(ctx, window);
    const video = document.createElement('video');
    document.body.append(video);
    Object.defineProperty(video, 'paused', { configurable: true, get: () => false });
    video.dispatchEvent(new Event('play'));
    await vi.advanceTimersByTimeAsync(REPORT_EVERY_MS);
    expect(total(reports[0] ?? [])).toBe(REPORT_EVERY_MS);
  });

  it('stops when the extension is updated or removed (context invalidated)', async () => {
    startActivityReporting(ctx, window);
    ctx.abort();
    await scrollFor(REPORT_EVERY_MS / S);
    expect(reports).toEqual([]);
  });
});
