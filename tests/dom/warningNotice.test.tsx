// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetFormatters } from '@/components/text/format';
import { WarningNotice } from '@/components/WarningNotice';
import { click, mount } from './render';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  resetFormatters();
});

afterEach(() => {
  for (const container of document.body.querySelectorAll(':scope > div')) render(null, container);
  document.body.innerHTML = '';
});

const key = (name: string) => new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });

describe('warning notice', () => {
  it.each([
    ['overall' as const, 6, 'About 6 min of feeds left today.'],
    ['site' as const, 3, 'About 3 min left on Instagram today.'],
    // A part of a minute is rounded up, and never says "0".
    ['site' as const, 2.2, 'About 3 min left on Instagram today.'],
    ['site' as const, 0.4, 'About 1 min left on Instagram today.'],
    ['overall' as const, 0, 'About 1 min of feeds left today.'],
  ])('politely says how much is left (%s, %s min)', async (scope, minutesLeft, text) => {
    const view = await mount(
      <WarningNotice siteName="Instagram" minutesLeft={minutesLeft} scope={scope} onDismiss={vi.fn()} />,
    );
    expect(view.querySelector('[role="status"]')?.textContent).toBe(text);
  });

  it('fills its status region only after the region is on the page, so it is announced', async () => {
    const view = document.createElement('div');
    document.body.append(view);
    // Rendered without act(): the first paint, before effects run.
    render(<WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={vi.fn()} />, view);
    const status = view.querySelector('[role="status"]');
    expect(status?.textContent).toBe('');
    // Preact runs effects after the next frame (at most ~35 ms later).
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(view.querySelector('[role="status"]')).toBe(status);
    expect(status?.textContent).toBe('About 6 min of feeds left today.');
  });

  it('never takes focus when it appears', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    await mount(<WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={vi.fn()} />);
    expect(document.activeElement).toBe(before);
  });

  it('never takes focus when it appears, with nothing focused on the page either', async () => {
    await mount(<WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={vi.fn()} />);
    expect(document.activeElement).toBe(document.body);
  });

  it('is dismissed by its one button, named “Dismiss”', async () => {
    const onDismiss = vi.fn();
    const view = await mount(
      <WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={onDismiss} />,
    );
    const buttons = view.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    const close = buttons[0];
    expect(close?.getAttribute('aria-label')).toBe('Dismiss');
    expect(close?.getAttribute('type')).toBe('button');
    // The × is decoration; the name is the label.
    expect(close?.querySelector('[aria-hidden="true"]')?.textContent).toBe('×');
    await click(close);
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is dismissed by Esc on its button, and that Esc stays with the notice', async () => {
    const onDismiss = vi.fn();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const view = await mount(
        <WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={onDismiss} />,
      );
      const close = view.querySelector<HTMLButtonElement>('button');
      close?.focus();
      const event = key('Escape');
      await act(async () => {
        close?.dispatchEvent(event);
      });
      expect(onDismiss).toHaveBeenCalledOnce();
      expect(event.defaultPrevented).toBe(true);
      expect(pageHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });

  it('leaves other keys on its button alone', async () => {
    const onDismiss = vi.fn();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    try {
      const view = await mount(
        <WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={onDismiss} />,
      );
      const close = view.querySelector<HTMLButtonElement>('button');
      const event = key('Tab');
      await act(async () => {
        close?.dispatchEvent(event);
      });
      expect(onDismiss).not.toHaveBeenCalled();
      expect(event.defaultPrevented).toBe(false);
      expect(pageHandler).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener('keydown', pageHandler);
    }
  });
});
