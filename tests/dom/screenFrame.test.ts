// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drawScreenFrame, FADED_IN_MS, type ScreenFrameProps } from '@/components/screenFrame';
import { resetFormatters } from '@/components/text/format';
import { useTimeZone } from '../helpers/timeZone';

useTimeZone('UTC');
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const props = {
  src: 'chrome-extension://id/boundary.html?kind=feed-free&site=instagram',
  kind: 'feed-free' as const,
  siteName: 'Instagram',
  windowLabel: 'Bedtime',
  liftsAt: Date.UTC(2026, 11, 5, 7),
};

function draw(more: Partial<ScreenFrameProps> = {}): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  drawScreenFrame(container, { ...props, onLeave: vi.fn(), ...more });
  return container;
}

describe('the boundary screen as the site’s page holds it', () => {
  it('stands as a plain screen with Leave until its frame has loaded', () => {
    const onLeave = vi.fn();
    const view = draw({ onLeave });
    const plain = view.querySelector('[role="dialog"]');
    expect(plain?.getAttribute('aria-modal')).toBe('true');
    expect(plain?.getAttribute('aria-labelledby')).toBe('otf-fallback-heading');
    expect(plain?.querySelector('h1')?.id).toBe('otf-fallback-heading');
    expect(plain?.querySelector('h1')?.textContent).toBe('This is your feed-free time');
    expect(plain?.textContent).toContain('You chose to keep “Bedtime” free of feeds.');
    const leave = plain?.querySelector('button');
    expect(leave?.getAttribute('type')).toBe('button');
    expect(leave?.textContent).toBe('Leave Instagram');
    leave?.click();
    expect(onLeave).toHaveBeenCalledOnce();
    const frame = view.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(props.src);
    expect(frame?.getAttribute('title')).toBe('Outside the Frame: your boundary');
    expect(frame?.className).toBe('otf-frame');
    // The frame will take the keys once it has loaded: Leave does not take focus meanwhile.
    expect(document.activeElement).not.toBe(leave);
  });

  it('once the frame has loaded, shows it, focuses it and takes the plain screen away', () => {
    const view = draw();
    const frame = view.querySelector('iframe');
    frame?.dispatchEvent(new Event('load'));
    expect(frame?.className).toBe('otf-frame otf-loaded');
    expect(document.activeElement).toBe(frame);
    expect(view.querySelector('[role="dialog"]')).toBeNull();
    expect(view.querySelector('.otf-fallback')).toBeNull();
  });

  it('where the site may not frame it, is the plain screen alone, with Leave focused', () => {
    const view = draw({ src: '' });
    expect(view.querySelector('iframe')).toBeNull();
    const leave = view.querySelector('[role="dialog"] button');
    expect(document.activeElement).toBe(leave);
  });

  it('drawn again, loads a new frame, with the plain screen until that one loads', () => {
    const view = draw();
    const first = view.querySelector('iframe');
    first?.dispatchEvent(new Event('load'));
    drawScreenFrame(view, { ...props, src: `${props.src}&again`, onLeave: vi.fn() });
    const frames = view.querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    expect(frames[0]).not.toBe(first);
    expect(frames[0]?.getAttribute('src')).toBe(`${props.src}&again`);
    expect(frames[0]?.className).toBe('otf-frame');
    expect(view.querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });

  it('drawn again before its frame loaded, keeps the plain screen standing (its fade-in not restarted) with new words', () => {
    const firstLeave = vi.fn();
    const view = draw({ onLeave: firstLeave });
    const plain = view.querySelector('[role="dialog"]');
    const onLeave = vi.fn();
    drawScreenFrame(view, { ...props, kind: 'limit', scope: 'site', limitMinutes: 20, onLeave });
    expect(view.querySelector('[role="dialog"]')).toBe(plain);
    expect(view.children).toHaveLength(2);
    expect(plain?.querySelector('h1')?.textContent).toBe('You set a boundary for Instagram');
    view.querySelector<HTMLButtonElement>('[role="dialog"] button')?.click();
    expect(onLeave).toHaveBeenCalledOnce();
    expect(firstLeave).not.toHaveBeenCalled();
  });

  it('once faded in, stays so: drawn again or put back, it does not fade in from nothing again', () => {
    vi.useFakeTimers();
    try {
      const view = draw();
      const plain = view.querySelector('.otf-fallback');
      expect(plain?.classList.contains('otf-settled')).toBe(false);
      vi.advanceTimersByTime(FADED_IN_MS - 1);
      expect(plain?.classList.contains('otf-settled')).toBe(false);
      vi.advanceTimersByTime(1);
      expect(plain?.classList.contains('otf-settled')).toBe(true);
      drawScreenFrame(view, { ...props, onLeave: vi.fn() });
      expect(view.querySelector('.otf-fallback')?.classList.contains('otf-settled')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
