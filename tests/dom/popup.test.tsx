// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { mount } from './render';

const MIN = 60_000;
afterEach(() => {
  document.body.innerHTML = '';
});

describe('popup', () => {
  it('shows today’s total and each site largest first, with names', async () => {
    const view = await mount(
      <PopupApp load={async () => ({ x: 4 * MIN, instagram: 21 * MIN + 30_000, reddit: 20_000 })} />,
    );
    expect(view.querySelector('h1')?.textContent).toBe('Today on feeds');
    expect(view.querySelector('.total')?.textContent).toBe('25 min in all');
    const list = view.querySelector('ul[aria-label="Minutes per site today"]');
    const rows = [...(list?.querySelectorAll('li') ?? [])].map((row) => [
      row.querySelector('.site-name')?.textContent,
      row.querySelector('.site-time')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Instagram', '21 min'],
      ['X', '4 min'],
      ['Reddit', 'under 1 min'],
    ]);
  });

  it('says so kindly when nothing was counted today', async () => {
    const view = await mount(<PopupApp load={async () => ({})} />);
    expect(view.textContent).toContain('No feed time yet today.');
    expect(view.querySelector('ul')).toBeNull();
  });

  it('shows a clear message when storage cannot be read', async () => {
    const view = await mount(
      <PopupApp
        load={async () => {
          throw new Error('IndexedDB is unavailable');
        }}
      />,
    );
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('IndexedDB is unavailable');
  });

  it('offers the dashboard as a real button', async () => {
    const view = await mount(<PopupApp load={async () => ({})} />);
    const button = view.querySelector('button');
    expect(button?.textContent).toBe('Open dashboard');
    expect(button?.getAttribute('type')).toBe('button');
  });
});
