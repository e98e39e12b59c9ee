// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MuteCard } from '@/components/MuteCard';
import { byRoleName, click, mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const props = {
  account: 'Maple & Moss',
  themeText: 'the picture-perfect home',
  siteName: 'Instagram',
  muteSteps: ['Open the account’s profile.', 'Choose Mute.'],
  accountUrl: 'https://www.instagram.com/maple/',
};

const press = (key: string, target: EventTarget = document.body) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  });

describe('MuteCard', () => {
  it('names the account and what its posts often show, about the feed and not the person', async () => {
    const view = await mount(<MuteCard {...props} onChoice={vi.fn()} />);
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'A break from one accountPosts from Maple & Moss often show the picture-perfect home. Want a break from them?',
    );
    const plain = await mount(<MuteCard {...props} themeText={undefined} onChoice={vi.fn()} />);
    expect(plain.querySelector('.otf-nudge-text')?.textContent).toBe(
      'Posts from Maple & Moss often look like the comparison trap. Want a break from them?',
    );
  });

  it('takes no focus when it appears', async () => {
    const before = document.activeElement;
    await mount(<MuteCard {...props} onChoice={vi.fn()} />);
    expect(document.activeElement).toBe(before);
  });

  it.each([
    ['Hide on this device', 'hide'],
    ['Not now', 'not-now'],
    ['Not for this account', 'silence'],
    ['Close', 'closed'],
    ['Reflect on this', 'reflect'],
  ] as const)('"%s" chooses %s, once, and the card leaves', async (name, choice) => {
    const onChoice = vi.fn();
    const view = await mount(<MuteCard {...props} onChoice={onChoice} />);
    await click(byRoleName(view, 'button', name));
    expect(onChoice).toHaveBeenCalledExactlyOnceWith(choice);
    expect(view.querySelector('.otf-mute')).toBeNull();
  });

  it('shows the site’s own steps and a link to the account on request', async () => {
    const view = await mount(<MuteCard {...props} onChoice={vi.fn()} />);
    const toggle = byRoleName(view, 'button', 'How to mute on Instagram');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect([...view.querySelectorAll('.otf-mute-steps li')].map((li) => li.textContent)).toEqual(props.muteSteps);
    const link = view.querySelector<HTMLAnchorElement>('.otf-mute-steps a');
    expect(link?.href).toBe(props.accountUrl);
    expect(link?.textContent).toBe('Open Maple & Moss’s page');
    expect(link?.rel).toBe('noopener noreferrer');
  });

  it('closes with Esc, but not while she types in the site', async () => {
    const onChoice = vi.fn();
    await mount(<MuteCard {...props} onChoice={onChoice} />);
    const field = document.createElement('textarea');
    document.body.append(field);
    await press('Escape', field);
    expect(onChoice).not.toHaveBeenCalled();
    await press('Escape');
    expect(onChoice).toHaveBeenCalledExactlyOnceWith('closed');
  });
});
