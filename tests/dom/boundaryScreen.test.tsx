// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundaryScreen, type BoundaryScreenProps } from '@/components/BoundaryScreen';
import { byRoleName, click, mount } from './render';

// The messages are not in messages.json yet: show each key with its substitutions.
vi.mock('@/utils/i18n', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join(' '),
}));

const liftsAt = new Date(2026, 10, 23, 4, 0).getTime();
const time = new Date(liftsAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

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
    onReflect: vi.fn(),
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

async function openPause(view: HTMLElement, name = 'boundaryMoreMinutes') {
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
    expect(heading?.textContent).toBe('boundaryLimitHeading Instagram');
    const text = view.querySelector(`[id="${dialog?.getAttribute('aria-describedby')}"]`);
    expect(text?.textContent).toBe(`boundaryLimitTextOverall 30 ${time}`);
    expect(view.textContent).toContain('boundaryCareLine');
  });

  it.each([
    [
      { scope: 'site' as const, limitMinutes: 15 },
      'boundaryLimitHeading Instagram',
      `boundaryLimitTextSite 15 Instagram ${time}`,
    ],
    [
      { kind: 'feed-free' as const, windowLabel: 'Bedtime routine' },
      'boundaryFeedFreeHeading',
      `boundaryFeedFreeTextNamed Bedtime routine Instagram ${time}`,
    ],
    [
      { kind: 'feed-free' as const, windowLabel: '  ' },
      'boundaryFeedFreeHeading',
      `boundaryFeedFreeText Instagram ${time}`,
    ],
  ])('words the boundary she set (%o)', async (overrides, heading, text) => {
    const view = await mount(<BoundaryScreen {...props(overrides)} />);
    expect(view.querySelector('h1')?.textContent).toBe(heading);
    expect(view.querySelector('.otf-text')?.textContent).toBe(text);
  });

  it('focuses Leave first and leaves with one tap', async () => {
    const onLeave = vi.fn();
    const view = await mount(<BoundaryScreen {...props({ onLeave })} />);
    const leave = button(view, 'boundaryLeave Instagram');
    expect(document.activeElement).toBe(leave);
    await click(leave);
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('offers reflection', async () => {
    const onReflect = vi.fn();
    const view = await mount(<BoundaryScreen {...props({ onReflect })} />);
    await click(button(view, 'boundaryReflect'));
    expect(onReflect).toHaveBeenCalledOnce();
  });

  it('gives extra minutes only after the pause, announcing only its start and end', async () => {
    fakeIntervals();
    const onExtend = vi.fn(async () => ({ ok: true as const }));
    const view = await mount(<BoundaryScreen {...props({ onExtend })} />);
    await openPause(view);
    const live = view.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('boundaryPauseStarted 10');
    const extend = () => button(view, 'boundaryExtend 5');
    expect(extend()?.disabled).toBe(true);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('10');

    await tick(9000);
    expect(extend()?.disabled).toBe(true);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('1');
    expect(live?.textContent).toBe('boundaryPauseStarted 10');

    await tick(1000);
    expect(extend()?.disabled).toBe(false);
    expect(live?.textContent).toBe('boundaryPauseDone 10');
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
    expect(button(view, 'boundaryExtend 5')?.disabled).toBe(true);
    expect(view.querySelector('.otf-countdown')?.textContent).toBe('10');

    await rerender(true);
    expect(onPauseStart).toHaveBeenCalledTimes(2);
    await tick(9000);
    expect(button(view, 'boundaryExtend 5')?.disabled).toBe(true);
    await tick(1000);
    expect(button(view, 'boundaryExtend 5')?.disabled).toBe(false);

    // Even after the pause was waited out, leaving the page starts it over.
    await rerender(false);
    expect(button(view, 'boundaryExtend 5')?.disabled).toBe(true);
  });

  it('pauses limits for today only after the same pause', async () => {
    fakeIntervals();
    const onPauseToday = vi.fn(async () => ({ ok: true as const }));
    const view = await mount(<BoundaryScreen {...props({ onPauseToday })} />);
    await openPause(view);
    const pauseToday = () => button(view, 'boundaryPauseToday');
    expect(pauseToday()?.disabled).toBe(true);
    await tick(10_000);
    expect(pauseToday()?.disabled).toBe(false);
    await click(pauseToday());
    expect(onPauseToday).toHaveBeenCalledOnce();
  });

  it('says why when the extra minutes could not be given, and lets her try again', async () => {
    fakeIntervals();
    const onExtend = vi.fn(async () => ({ ok: false as const, reason: 'No extra minutes left today' }));
    const view = await mount(<BoundaryScreen {...props({ onExtend })} />);
    await openPause(view);
    await tick(10_000);
    await click(button(view, 'boundaryExtend 5'));
    expect(view.querySelector('.otf-problem')?.textContent).toBe('boundaryExtendFailed No extra minutes left today');
    expect(button(view, 'boundaryExtend 5')?.disabled).toBe(false);
  });

  it('without extra minutes left: a kind line, no "few more minutes", and pausing for today still possible', async () => {
    fakeIntervals();
    const view = await mount(<BoundaryScreen {...props({ extensionsLeft: 0 })} />);
    expect(button(view, 'boundaryMoreMinutes')).toBeUndefined();
    expect(view.textContent).toContain('boundaryNoExtraLeft');
    await openPause(view, 'boundaryPauseTodayLink');
    expect(button(view, 'boundaryExtend 5')).toBeUndefined();
    expect(button(view, 'boundaryPauseToday')?.disabled).toBe(true);
    await tick(10_000);
    expect(button(view, 'boundaryPauseToday')?.disabled).toBe(false);
  });

  it('Esc never dismisses the screen; from the pause it returns to the main view', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    await key(document.activeElement, 'Escape');
    expect(dialogOf(view)).not.toBeNull();
    expect(button(view, 'boundaryMoreMinutes')).toBeDefined();

    await openPause(view);
    expect(view.querySelector('fieldset')).not.toBeNull();
    await key(document.activeElement, 'Escape');
    expect(view.querySelector('fieldset')).toBeNull();
    expect(dialogOf(view)).not.toBeNull();
    expect(document.activeElement).toBe(button(view, 'boundaryMoreMinutes'));
  });

  it('keeps Esc from reaching the site behind it', async () => {
    const siteHandler = vi.fn();
    document.addEventListener('keydown', siteHandler);
    try {
      const view = await mount(<BoundaryScreen {...props()} />);
      await key(button(view, 'boundaryLeave Instagram'), 'Escape');
      expect(siteHandler).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', siteHandler);
    }
  });

  it('moves focus into the pause panel and back with the Back button', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    await openPause(view);
    expect(document.activeElement).toBe(view.querySelector('fieldset'));
    await click(button(view, 'boundaryBack'));
    expect(document.activeElement).toBe(button(view, 'boundaryMoreMinutes'));
  });

  it('traps focus: Tab from the last control goes to the first, Shift+Tab from the first to the last', async () => {
    const view = await mount(<BoundaryScreen {...props()} />);
    const leave = button(view, 'boundaryLeave Instagram');
    const last = button(view, 'boundaryMoreMinutes');
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
    const back = button(view, 'boundaryBack');
    back?.focus();
    await key(back, 'Tab');
    expect(document.activeElement).toBe(button(view, 'boundaryLeave Instagram'));
    await key(document.activeElement, 'Tab', true);
    expect(document.activeElement).toBe(back);
  });
});
