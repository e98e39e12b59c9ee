// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetFormatters } from '@/components/text/format';
import { ANNOUNCE_AFTER_MS, drawWarningNotice, type WarningNoticeProps } from '@/components/warningNotice';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  resetFormatters();
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const key = (name: string) => new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });

/** The notice drawn, with its words come. */
function draw(more: Partial<WarningNoticeProps> = {}): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  drawWarningNotice(container, {
    siteName: 'Instagram',
    minutesLeft: 6,
    scope: 'overall',
    onDismiss: vi.fn(),
    ...more,
  });
  vi.advanceTimersByTime(ANNOUNCE_AFTER_MS);
  return container;
}

describe('warning notice', () => {
  it.each([
    ['overall' as const, 6, 'About 6 min of feeds left today.'],
    ['site' as const, 3, 'About 3 min left on Instagram today.'],
    // A part of a minute is rounded up, and never says "0".
    ['site' as const, 2.2, 'About 3 min left on Instagram today.'],
    ['site' as const, 0.4, 'About 1 min left on Instagram today.'],
    ['overall' as const, 0, 'About 1 min of feeds left today.'],
  ])('politely says how much is left (%s, %s min)', (scope, minutesLeft, text) => {
    const view = draw({ scope, minutesLeft });
    expect(view.querySelector('.otf-notice [role="status"]')?.textContent).toBe(text);
  });

  it('fills its status region only after the region is on the page, so it is announced', () => {
    const view = document.createElement('div');
    document.body.append(view);
    drawWarningNotice(view, { siteName: 'Instagram', minutesLeft: 6, scope: 'overall', onDismiss: vi.fn() });
    const status = view.querySelector('[role="status"]');
    expect(status?.textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_AFTER_MS - 1);
    expect(status?.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(view.querySelector('[role="status"]')).toBe(status);
    expect(status?.textContent).toBe('About 6 min of feeds left today.');
  });

  it('never takes focus when it appears', () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    draw();
    expect(document.activeElement).toBe(before);
  });

  it('never takes focus when it appears, with nothing focused on the page either', () => {
    draw();
    expect(document.activeElement).toBe(document.body);
  });

  it('is dismissed by its one button, named “Dismiss”', () => {
    const onDismiss = vi.fn();
    const view = draw({ onDismiss });
    const buttons = view.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    const close = buttons[0];
    expect(close?.getAttribute('aria-label')).toBe('Dismiss');
    expect(close?.getAttribute('type')).toBe('button');
    // The × is decoration; the name is the label.
    expect(close?.querySelector('[aria-hidden="true"]')?.textContent).toBe('×');
    close?.click();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is dismissed by Esc on its button, and that Esc stays with the notice', () => {
    const onDismiss = vi.fn();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const close = draw({ onDismiss }).querySelector<HTMLButtonElement>('button');
      close?.focus();
      const event = key('Escape');
      close?.dispatchEvent(event);
      expect(onDismiss).toHaveBeenCalledOnce();
      expect(event.defaultPrevented).toBe(true);
      expect(pageHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });

  it('leaves other keys on its button alone', () => {
    const onDismiss = vi.fn();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const close = draw({ onDismiss }).querySelector<HTMLButtonElement>('button');
      const event = key('Tab');
      close?.dispatchEvent(event);
      expect(onDismiss).not.toHaveBeenCalled();
      expect(event.defaultPrevented).toBe(false);
      expect(pageHandler).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });
});
