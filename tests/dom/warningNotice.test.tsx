// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WarningNotice } from '@/components/WarningNotice';
import { click, mount } from './render';

// The messages are not in messages.json yet: show each key with its substitutions.
vi.mock('@/utils/i18n', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join(' '),
}));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('warning notice', () => {
  it.each([
    ['overall' as const, 6, 'warningOverall 6'],
    ['site' as const, 3, 'warningSite 3 Instagram'],
    ['site' as const, 0.4, 'warningSite 1 Instagram'],
  ])('politely says how much is left (%s, %s min)', async (scope, minutesLeft, text) => {
    const view = await mount(
      <WarningNotice siteName="Instagram" minutesLeft={minutesLeft} scope={scope} onDismiss={vi.fn()} />,
    );
    expect(view.querySelector('[role="status"]')?.textContent).toBe(text);
  });

  it('never takes focus when it appears', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    await mount(<WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={vi.fn()} />);
    expect(document.activeElement).toBe(before);
  });

  it('is dismissed by its "Dismiss" button', async () => {
    const onDismiss = vi.fn();
    const view = await mount(
      <WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={onDismiss} />,
    );
    const close = view.querySelector('button[aria-label="warningDismiss"]');
    expect(close).not.toBeNull();
    await click(close);
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is dismissed by Esc while focus is inside it', async () => {
    const onDismiss = vi.fn();
    const view = await mount(
      <WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={onDismiss} />,
    );
    const close = view.querySelector<HTMLButtonElement>('button');
    close?.focus();
    await act(async () => {
      close?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('ignores Esc pressed elsewhere on the page', async () => {
    const onDismiss = vi.fn();
    await mount(<WarningNotice siteName="Instagram" minutesLeft={6} scope="overall" onDismiss={onDismiss} />);
    await act(async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onDismiss).not.toHaveBeenCalled();
  });
});
