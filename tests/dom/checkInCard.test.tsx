// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CheckInCard, type CheckInCardProps } from '@/components/CheckInCard';
import { resetFormatters } from '@/components/text/format';
import { byRoleName, click, mount } from './render';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const question = {
  day: '2026-12-04',
  sessionId: 'instagram-1',
  site: 'instagram',
  start: 0,
  end: 0,
  activeMs: 24 * 60_000,
};

function setUp(overrides: Partial<CheckInCardProps> = {}) {
  const props: CheckInCardProps = {
    question,
    answer: vi.fn(async () => true),
    dismiss: vi.fn(async () => true),
    stopAsking: vi.fn(async () => true),
    onClose: vi.fn(),
    ...overrides,
  };
  return { props, mounted: mount(<CheckInCard {...props} />) };
}

describe('check-in card', () => {
  it('asks about the session in words, with four one-tap answers in a named group', async () => {
    const view = await setUp().mounted;
    expect(view.querySelector('h2')?.textContent).toBe('How do you feel after 24 minutes on Instagram?');
    expect(view.querySelector('fieldset legend')?.textContent).toBe('One tap is enough');
    expect([...view.querySelectorAll('fieldset button')].map((button) => button.textContent)).toEqual([
      'Better',
      'About the same',
      'A bit worse',
      'Much worse',
    ]);
  });

  it('one tap answers; a note can follow and is saved with the same answer', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await click(byRoleName(view, 'button', 'A bit worse'));
    expect(props.answer).toHaveBeenCalledWith('bit-worse');
    expect(document.activeElement?.textContent).toBe('Thank you. It’s kept with that session, on this device.');
    const input = view.querySelector<HTMLInputElement>('#checkin-note');
    if (!input) throw new Error('no note');
    await act(async () => {
      input.value = 'Tired tonight.';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(byRoleName(view, 'button', 'Save note'));
    expect(props.answer).toHaveBeenLastCalledWith('bit-worse', 'Tired tonight.');
    expect(view.textContent).toContain('Note saved.');
    await click(byRoleName(view, 'button', 'Done'));
    expect(props.onClose).toHaveBeenCalled();
  });

  it('"Not now" closes it; "Don’t ask me this" says how to turn it back on; a failure is said', async () => {
    let { props, mounted } = setUp();
    let view = await mounted;
    await click(byRoleName(view, 'button', 'Not now'));
    expect(props.dismiss).toHaveBeenCalled();
    expect(props.onClose).toHaveBeenCalled();
    document.body.innerHTML = '';
    ({ props, mounted } = setUp());
    view = await mounted;
    await click(byRoleName(view, 'button', 'Don’t ask me this'));
    expect(props.stopAsking).toHaveBeenCalled();
    expect(view.textContent).toContain('You won’t be asked again.');
    document.body.innerHTML = '';
    view = await setUp({ answer: vi.fn(async () => false) }).mounted;
    await click(byRoleName(view, 'button', 'Better'));
    expect(view.textContent).toContain('That didn’t save just now.');
    expect(view.querySelectorAll('fieldset button')).toHaveLength(4);
  });
});
