// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BoundaryActionResult, BoundaryScreen, type BoundaryScreenProps } from '@/components/BoundaryScreen';
import { resetFormatters } from '@/components/text/format';
import { useTimeZone } from '../helpers/timeZone';
import { byRoleName, click, mount } from './render';

/** 23 November 2026, 04:00 in Tokyo (19:00 UTC the day before): she reads her own local time. */
const liftsAt = Date.UTC(2026, 10, 22, 19, 0);

useTimeZone('Asia/Tokyo');

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  resetFormatters();
});

const LEAVE = 'Leave Instagram';
const MORE = 'A few more minutes…';
const EXTEND = 'A few more minutes (5 min)';
const PAUSE_TODAY = 'Turn all limits off for the rest of today';
const PAUSE_STARTED = 'A 10-second moment. Take one slow breath in, and let it out.';
const PAUSE_DONE = 'There. Choose what feels right for you now.';

function props(overrides: Partial<BoundaryScreenProps> = {}): BoundaryScreenProps {
  return {
    kind: 'limit',
    siteName: 'Instagram',
    scope: 'overall',
    limitMinutes: 30,
    liftsAt,
    extensionsLeft: 2,
    extraMinutes: 5,
    pauseSeconds: 10,
    pageActive: true,
    onLeave: vi.fn(),
    reflection: () => <button type="button">Reflection here</button>,
    onExtend: vi.fn(async () => ({ ok: true as const })),
    onPauseToday: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
}

const button = (view: HTMLElement, name: string) => byRoleName(view, 'button', name) as HTMLButtonElement | undefined;
const dialogOf = (view: HTMLElement) => view.querySelector<HTMLElement>('[role="dialog"]');

async function key(target: Element | null | undefined, keyName: string, shiftKey = false) {
  if (!target) throw new Error('No key target');
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, shiftKey, bubbles: true, cancelable: true }));
  });
}

/** Only the countdown's interval is faked: mount() and click() settle with real timeouts. */
const fakeIntervals = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });

async function tick(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

async function openPause(view: HTMLElement, name = MORE) {
  await click(button(view, name));
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('boundary screen', () => {
  it('is a modal dialog named by its heading and described by the boundary and when it lifts', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    const dialog = dialogOf(view);
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    const heading = view.querySelector(`[id="${dialog?.getAttribute('aria-labelledby')}"]`);
    expect(heading?.tagName).toBe('H1');
    expect(heading?.textContent).toBe('You set a daily limit for your feeds');
    const text = view.querySelector(`[id="${dialog?.getAttribute('aria-describedby')}"]`);
    expect(text?.textContent).toBe('Your 30-minute limit for feeds today is reached. It lifts at 04:00 AM.');
    expect(view.querySelector('.otf-care')?.textContent).toBe(
      'The feed will keep. This moment is yours, whatever you choose.',
    );
  });

  it.each([
    [
      { scope: 'site' as const, limitMinutes: 15 },
      'You set a boundary for Instagram',
      'Your 15-minute limit for Instagram today is reached. It lifts at 04:00 AM.',
    ],
    [
      { scope: 'overall' as const, limitMinutes: 1440, liftsAt: liftsAt + 15 * 60 * 60_000 },
      'You set a daily limit for your feeds',
      'Your 1,440-minute limit for feeds today is reached. It lifts at 07:00 PM.',
    ],
    [
      { kind: 'feed-free' as const, windowLabel: 'Bedtime routine' },
      'This is your feed-free time',
      'You chose to keep “Bedtime routine” free of feeds. You can scroll Instagram again at 04:00 AM.',
    ],
    [
      { kind: 'feed-free' as const, windowLabel: '  ' },
      'This is your feed-free time',
      'You chose to keep this time free of feeds. You can scroll Instagram again at 04:00 AM.',
    ],
  ])('words the boundary she set (%o)', async (overrides, heading, text) => {
    const view = await mount(<BoundaryScreen {...props(overrides)} />);
    expect(view.querySelector('h1')?.textContent).toBe(heading);
    expect(view.querySelector('.otf-text')?.textContent).toBe(text);
  });

  it('focuses Leave first and leaves with one tap', async () => {
    const onLeave = vi.fn();
    const view = await mount(<BoundaryScreen {...props({ onLeave })} />);
    const leave = button(view, LEAVE);
    expect(document.activeElement).toBe(leave);
    await click(leave);
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('opens the reflection in place, keeps Leave, and goes back with Back or Esc', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    await click(button(view, 'Reflect on this'));
    expect(view.querySelector('.otf-reflect')?.textContent).toBe('Reflection here');
    expect(button(view, LEAVE)).toBeTruthy();
    expect(view.querySelector('.otf-care')).toBeNull();
    await click(button(view, 'Back'));
    expect(view.querySelector('.otf-reflect')).toBeNull();
    expect(document.activeElement).toBe(button(view, 'Reflect on this'));
    await click(button(view, 'Reflect on this'));
    await act(async () => {
      view
        .querySelector('[role="dialog"]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(view.querySelector('.otf-reflect')).toBeNull();
  });

  it('names the overall limit in the heading when that is the one reached', async () => {
    const view = await mount(<BoundaryScreen {...props({ kind: 'limit', scope: 'overall', limitMinutes: 30 })} />);
    expect(view.querySelector('h1')?.textContent).toBe('You set a daily limit for your feeds');
  });

  it('gives extra minutes only after the pause, announcing only its start and end', async () => {
    fakeIntervals();
    const onExtend = vi.fn(async () => ({ ok: true as const }));
    const view = await mount(<BoundaryScreen {...props({ onExtend })} />);
    await openPause(view);
    const live = view.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe(PAUSE_STARTED);
    const extend = () => button(view, EXTEND);
    expect(extend()?.disabled).toBe(true);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('10');

    await tick(9000);
    expect(extend()?.disabled).toBe(true);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('1');
    expect(live?.textContent).toBe(PAUSE_STARTED);

    await tick(1000);
    expect(extend()?.disabled).toBe(false);
    expect(live?.textContent).toBe(PAUSE_DONE);
    await click(extend());
    expect(onExtend).toHaveBeenCalledOnce();
  });

  it('starts the pause over when the page is hidden, and counts again when it is back', async () => {
    fakeIntervals();
    const onPauseStart = vi.fn();
    const view = await mount(<BoundaryScreen {...props({ onPauseStart })} />);
    const rerender = (pageActive: boolean) =>
      act(() => {
        render(<BoundaryScreen {...props({ pageActive, onPauseStart })} />, view);
      });
    expect(onPauseStart).not.toHaveBeenCalled();
    await openPause(view);
    expect(onPauseStart).toHaveBeenCalledOnce();
    await tick(8000);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('2');

    await rerender(false);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('10');
    await tick(30_000);
    expect(button(view, EXTEND)?.disabled).toBe(true);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('10');

    await rerender(true);
    expect(onPauseStart).toHaveBeenCalledTimes(2);
    await tick(9000);
    expect(button(view, EXTEND)?.disabled).toBe(true);
    await tick(1000);
    expect(button(view, EXTEND)?.disabled).toBe(false);

    // Even after the pause was waited out, leaving the page starts it over.
    await rerender(false);
    expect(button(view, EXTEND)?.disabled).toBe(true);
  });

  it('pauses limits for today only after the same pause', async () => {
    fakeIntervals();
    const onPauseToday = vi.fn(async () => ({ ok: true as const }));
    const view = await mount(<BoundaryScreen {...props({ onPauseToday })} />);
    await openPause(view);
    const pauseToday = () => button(view, PAUSE_TODAY);
    expect(pauseToday()?.disabled).toBe(true);
    await tick(10_000);
    expect(pauseToday()?.disabled).toBe(false);
    await click(pauseToday());
    expect(onPauseToday).toHaveBeenCalledOnce();
  });

  it.each<[string, BoundaryActionResult, string]>([
    [
      'she chose no extra time',
      { ok: false, reason: { code: 'no-extra-chosen' } },
      'You set this boundary without a few more minutes.',
    ],
    [
      'today’s extra times are taken',
      { ok: false, reason: { code: 'no-extra-left', perDay: 3 } },
      'You’ve had today’s few more minutes (you chose 3 a day).',
    ],
    [
      'the pause is not over (seconds)',
      { ok: false, reason: { code: 'pause-not-over', secondsLeft: 4 } },
      'The moment isn’t over yet: 4 more seconds.',
    ],
    [
      'the pause is not over (one second)',
      { ok: false, reason: { code: 'pause-not-over', secondsLeft: 1 } },
      'The moment isn’t over yet: one more second.',
    ],
    [
      'the request came from elsewhere',
      { ok: false, reason: { code: 'not-here' } },
      'This page can’t change your boundaries. Please try from the site’s own tab.',
    ],
    ['there was no answer', undefined, 'Outside the Frame didn’t answer just now. Please try again in a moment.'],
  ])('says why the extra minutes were not added when %s, and lets her try again', async (_, reply, why) => {
    fakeIntervals();
    const onExtend = vi.fn(async () => reply);
    const view = await mount(<BoundaryScreen {...props({ onExtend })} />);
    await openPause(view);
    await tick(10_000);
    await click(button(view, EXTEND));
    expect(view.querySelector('.otf-problem')?.textContent).toBe(`The few more minutes weren’t added: ${why}`);
    expect(button(view, EXTEND)?.disabled).toBe(false);
    await click(button(view, EXTEND));
    expect(onExtend).toHaveBeenCalledTimes(2);
  });

  it('says to try again when asking failed outright, and why pausing for today was refused', async () => {
    fakeIntervals();
    const onExtend = vi.fn(async (): Promise<BoundaryActionResult> => {
      throw new Error('Extension context invalidated.');
    });
    const onPauseToday = vi.fn(
      async (): Promise<BoundaryActionResult> => ({ ok: false, reason: { code: 'pause-not-over', secondsLeft: 2 } }),
    );
    const view = await mount(<BoundaryScreen {...props({ onExtend, onPauseToday })} />);
    await openPause(view);
    await tick(10_000);
    await click(button(view, EXTEND));
    expect(view.querySelector('.otf-problem')?.textContent).toBe(
      'The few more minutes weren’t added: Outside the Frame didn’t answer just now. Please try again in a moment.',
    );
    await click(button(view, PAUSE_TODAY));
    expect(view.querySelector('.otf-problem')?.textContent).toBe(
      'Limits weren’t turned off: The moment isn’t over yet: 2 more seconds.',
    );
  });

  it('once a request is granted, shows no problem and takes no second tap (the page replaces the screen)', async () => {
    fakeIntervals();
    const onExtend = vi.fn(async (): Promise<BoundaryActionResult> => ({ ok: true }));
    const view = await mount(<BoundaryScreen {...props({ onExtend })} />);
    await openPause(view);
    await tick(10_000);
    await click(button(view, EXTEND));
    expect(view.querySelector('.otf-problem')?.textContent).toBe('');
    expect(button(view, EXTEND)?.disabled).toBe(true);
    expect(button(view, PAUSE_TODAY)?.disabled).toBe(true);
    await click(button(view, EXTEND));
    expect(onExtend).toHaveBeenCalledOnce();
  });

  it('without extra minutes left: a kind line, no "few more minutes", and pausing for today still possible', async () => {
    fakeIntervals();
    const view = await mount(<BoundaryScreen {...props({ extensionsLeft: 0 })} />);
    expect(button(view, MORE)).toBeUndefined();
    expect(view.textContent).toContain('You’ve had today’s “few more minutes”.');
    await openPause(view, 'Turn limits off for today…');
    expect(button(view, EXTEND)).toBeUndefined();
    expect(button(view, PAUSE_TODAY)?.disabled).toBe(true);
    await tick(10_000);
    expect(button(view, PAUSE_TODAY)?.disabled).toBe(false);
  });

  it('Esc never dismisses the screen; from the pause it returns to the main view', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    await key(document.activeElement, 'Escape');
    expect(dialogOf(view)).not.toBeNull();
    expect(button(view, MORE)).toBeDefined();

    await openPause(view);
    expect(view.querySelector('fieldset')).not.toBeNull();
    await key(document.activeElement, 'Escape');
    expect(view.querySelector('fieldset')).toBeNull();
    expect(dialogOf(view)).not.toBeNull();
    expect(document.activeElement).toBe(button(view, MORE));
  });

  it('keeps Esc from reaching the site behind it', async () => {
    const siteHandler = vi.fn();
    document.addEventListener('keydown', siteHandler);
    try {
      const view = await mount(<BoundaryScreen {...props()} />);
      await key(button(view, LEAVE), 'Escape');
      expect(siteHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', siteHandler);
    }
  });

  it('moves focus into the pause panel and back with the Back button', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    await openPause(view);
    expect(document.activeElement).toBe(view.querySelector('fieldset'));
    await click(button(view, 'Back'));
    expect(document.activeElement).toBe(button(view, MORE));
  });

  it('traps focus: Tab from the last control goes to the first, Shift+Tab from the first to the last', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    const leave = button(view, LEAVE);
    const last = button(view, MORE);
    last?.focus();
    await key(last, 'Tab');
    expect(document.activeElement).toBe(leave);
    await key(leave, 'Tab', true);
    expect(document.activeElement).toBe(last);
  });

  it('in the pause panel, the trap skips the buttons still waiting', async () => {
    fakeIntervals();
    const view = await mount(<BoundaryScreen {...props()} />);
    await openPause(view);
    const back = button(view, 'Back');
    back?.focus();
    await key(back, 'Tab');
    expect(document.activeElement).toBe(button(view, LEAVE));
    await key(document.activeElement, 'Tab', true);
    expect(document.activeElement).toBe(back);
  });
});
