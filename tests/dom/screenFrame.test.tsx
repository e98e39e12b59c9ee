// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ScreenFrame } from '@/components/ScreenFrame';
import { resetFormatters } from '@/components/text/format';
import { useTimeZone } from '../helpers/timeZone';
import { click, mount } from './render';

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

describe('the boundary screen as the site’s page holds it', () => {
  it('stands as a plain screen with Leave until its frame has loaded', async () => {
    const onLeave = vi.fn();
    const view = await mount(<ScreenFrame {...props} onLeave={onLeave} />);
    const plain = view.querySelector('[role="dialog"]');
    expect(plain?.getAttribute('aria-modal')).toBe('true');
    expect(plain?.querySelector('h1')?.textContent).toBe('This is your feed-free time');
    expect(plain?.textContent).toContain('You chose to keep “Bedtime” free of feeds.');
    await click(plain?.querySelector('button'));
    expect(onLeave).toHaveBeenCalledOnce();
    const frame = view.querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe(props.src);
    expect(frame?.getAttribute('title')).toBe('Outside the Frame: your boundary');
    expect(frame?.className).toBe('otf-frame');
  });

  it('once the frame has loaded, shows it, focuses it and takes the plain screen away', async () => {
    const view = await mount(<ScreenFrame {...props} onLeave={vi.fn()} />);
    const frame = view.querySelector('iframe');
    await act(async () => {
      frame?.dispatchEvent(new Event('load'));
    });
    expect(frame?.className).toBe('otf-frame otf-loaded');
    expect(document.activeElement).toBe(frame);
    expect(view.querySelector('[role="dialog"]')).toBeNull();
    expect(view.querySelector('.otf-fallback')).toBeNull();
  });
});
