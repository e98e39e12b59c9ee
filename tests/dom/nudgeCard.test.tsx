// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NudgeCard, type NudgeCardOutcome } from '@/components/NudgeCard';
import { byRoleName, click, mount } from './render';

const TEXT = 'Their highlight reel is not your whole life.';
const AUTO_HIDE = 25_000;

/** Only the auto-hide timer's functions are faked; act() still settles with real microtasks. */
const fakeTimeouts = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

/** mount() waits on a real setTimeout, so with faked timeouts render through act() alone. */
async function mountWithFakeTimeouts(onOutcome = vi.fn()) {
  const view = document.createElement('div');
  document.body.append(view);
  await act(async () => {
    render(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />, view);
  });
  await act(async () => {});
  return view;
}

async function tick(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

async function dispatch(target: EventTarget, event: Event) {
  await act(async () => {
    target.dispatchEvent(event);
  });
}

const escKey = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
const button = (view: HTMLElement, name: string) => byRoleName(view, 'button', name);
const card = (view: HTMLElement) => view.querySelector<HTMLElement>('.otf-nudge');

afterEach(() => {
  vi.useRealTimers();
  // Unmount, so no card from an earlier test keeps listening on the document.
  for (const container of document.body.querySelectorAll(':scope > div')) render(null, container);
  document.body.innerHTML = '';
});

describe('nudge card', () => {
  it('says that reminders change on her first reminder only', async () => {
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={vi.fn()} firstTime />);
    expect(view.textContent).toContain('Reminders change so they stay fresh.');
  });

  it('politely announces its label and reminder in a live region', async () => {
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={vi.fn()} />);
    const status = view.querySelector('[role="status"]');
    expect(status?.textContent).toBe(`A moment outside the frame${TEXT}`);
    expect(status?.querySelector('.otf-nudge-label')?.textContent).toBe('A moment outside the frame');
    expect(status?.querySelector('.otf-nudge-label')?.tagName).toBe('P');
    expect(view.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).toBeNull();
    // Said once, on her first reminder (and in the settings), not on every card.
    expect(view.textContent).not.toContain('Reminders change so they stay fresh.');
    for (const name of ['This helped', 'Not now', 'Snooze', 'Close']) {
      expect(button(view, name)?.getAttribute('type')).toBe('button');
    }
    expect(button(view, 'For an hour')).toBeUndefined();
  });

  it('fills its status region only after the region is on the page, so it is announced', async () => {
    const view = document.createElement('div');
    document.body.append(view);
    // Rendered without act(): the first paint, before effects run.
    render(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={vi.fn()} />, view);
    const status = view.querySelector('[role="status"]');
    expect(status?.textContent).toBe('');
    // Preact runs effects after the next frame (at most ~35 ms later).
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(view.querySelector('[role="status"]')).toBe(status);
    expect(status?.textContent).toBe(`A moment outside the frame${TEXT}`);
  });

  it('never takes focus when it appears', async () => {
    await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={vi.fn()} />);
    expect(document.activeElement).toBe(document.body);
  });

  it('leaves focus where she was on the page', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={vi.fn()} />);
    expect(document.activeElement).toBe(before);
  });

  it.each([
    ['This helped', 'helped'],
    ['Not now', 'not-now'],
    ['Close', 'not-now'],
  ] as const)('"%s" reports %s and the card goes away', async (name, outcome) => {
    const onOutcome = vi.fn();
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />);
    await click(button(view, name));
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith(outcome);
    expect(view.innerHTML).toBe('');
  });

  it.each([
    ['For an hour', 'snoozed-hour'],
    ['For today', 'snoozed-today'],
  ] as const)('Snooze reveals a labelled choice; "%s" reports %s', async (name, outcome) => {
    const onOutcome = vi.fn<(outcome: NudgeCardOutcome) => void>();
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />);
    const snooze = button(view, 'Snooze');
    expect(snooze?.getAttribute('aria-expanded')).toBe('false');
    await click(snooze);
    expect(snooze?.getAttribute('aria-expanded')).toBe('true');
    expect(view.querySelector('fieldset legend')?.textContent).toBe('Snooze reminders');
    expect(onOutcome).not.toHaveBeenCalled();
    await click(button(view, name));
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith(outcome);
    expect(view.innerHTML).toBe('');
  });

  it('is dismissed by Esc pressed anywhere on the page', async () => {
    const onOutcome = vi.fn();
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />);
    await dispatch(document.body, escKey());
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith('not-now');
    expect(view.innerHTML).toBe('');
  });

  it('is dismissed by Esc inside it, also in the snooze choices', async () => {
    const onOutcome = vi.fn();
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />);
    await click(button(view, 'Snooze'));
    const hour = button(view, 'For an hour');
    hour?.focus();
    const event = escKey();
    await dispatch(hour as HTMLElement, event);
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith('not-now');
    expect(event.defaultPrevented).toBe(true);
  });

  it.each([
    ['an input', () => document.createElement('input')],
    ['a textarea', () => document.createElement('textarea')],
    [
      'a contenteditable',
      () => {
        const box = document.createElement('div');
        box.setAttribute('contenteditable', 'true');
        box.append(document.createElement('span'));
        return box;
      },
    ],
  ])('ignores Esc while she types in %s on the site', async (_, make) => {
    const onOutcome = vi.fn();
    const view = await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />);
    const field = make();
    document.body.append(field);
    const event = escKey();
    await dispatch(field.firstElementChild ?? field, event);
    expect(onOutcome).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
    expect(card(view)).not.toBeNull();
  });

  it('ignores other keys', async () => {
    const onOutcome = vi.fn();
    await mount(<NudgeCard text={TEXT} autoHideMs={AUTO_HIDE} onOutcome={onOutcome} />);
    await dispatch(document.body, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onOutcome).not.toHaveBeenCalled();
  });

  it('leaves by itself after autoHideMs when ignored', async () => {
    fakeTimeouts();
    const onOutcome = vi.fn();
    const view = await mountWithFakeTimeouts(onOutcome);
    await tick(AUTO_HIDE - 1);
    expect(onOutcome).not.toHaveBeenCalled();
    await tick(1);
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith('ignored');
    expect(view.innerHTML).toBe('');
  });

  it('waits while the pointer rests on it, then gives the full time again', async () => {
    fakeTimeouts();
    const onOutcome = vi.fn();
    const view = await mountWithFakeTimeouts(onOutcome);
    await tick(AUTO_HIDE - 1000);
    await dispatch(card(view) as HTMLElement, new Event('pointerenter'));
    await tick(AUTO_HIDE * 3);
    expect(onOutcome).not.toHaveBeenCalled();
    await dispatch(card(view) as HTMLElement, new Event('pointerleave'));
    await tick(AUTO_HIDE - 1);
    expect(onOutcome).not.toHaveBeenCalled();
    await tick(1);
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith('ignored');
  });

  it('waits while focus is inside it, then gives the full time again', async () => {
    fakeTimeouts();
    const onOutcome = vi.fn();
    const view = await mountWithFakeTimeouts(onOutcome);
    const outside = document.createElement('button');
    document.body.append(outside);
    await act(async () => {
      button(view, 'This helped')?.focus();
    });
    await act(async () => {
      button(view, 'Not now')?.focus();
    });
    await tick(AUTO_HIDE * 2);
    expect(onOutcome).not.toHaveBeenCalled();
    await act(async () => {
      outside.focus();
    });
    await tick(AUTO_HIDE - 1);
    expect(onOutcome).not.toHaveBeenCalled();
    await tick(1);
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith('ignored');
  });

  it('reports only once, however she reacts afterwards', async () => {
    fakeTimeouts();
    const onOutcome = vi.fn();
    const view = await mountWithFakeTimeouts(onOutcome);
    const helped = button(view, 'This helped') as HTMLElement;
    await act(async () => {
      helped.click();
      helped.click();
    });
    await dispatch(document.body, escKey());
    await tick(AUTO_HIDE * 2);
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith('helped');
    expect(view.innerHTML).toBe('');
  });
});
