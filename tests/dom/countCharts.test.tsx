// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RemindersChart } from '@/components/RemindersChart';
import { TrapChart } from '@/components/TrapChart';
import { resetFormatters } from '@/components/text/format';
import { byRoleName, click, mount } from './render';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const labels = (view: Element) =>
  [...view.querySelectorAll('.chart-hit')].map((button) => button.getAttribute('aria-label'));
const rows = (view: Element) => [...view.querySelectorAll('tbody tr')].map((row) => row.textContent);

describe('reminders chart', () => {
  const weeks = [
    { from: '2026-11-03', shown: 4, helped: 1 },
    { from: '2026-11-10', shown: 0, helped: 0 },
    { from: '2026-11-17', shown: 6, helped: 3 },
  ];

  it('reads each week out from its button, and gives the same numbers as a table', async () => {
    const view = await mount(<RemindersChart weeks={weeks} dayLabel={(day) => `day ${day.slice(-2)}`} />);
    expect(view.querySelector('svg title')?.textContent).toBe(
      'Reminders shown, and those you marked “Helped”, week by week',
    );
    expect(view.querySelector('svg desc')?.textContent).toContain('last 12 weeks');
    expect(labels(view)).toEqual([
      'Week from day 03: 4 shown, 1 marked “Helped”.',
      'Week from day 10: 0 shown, 0 marked “Helped”.',
      'Week from day 17: 6 shown, 3 marked “Helped”.',
    ]);
    // Each layer named in the legend: colour is not the only cue.
    expect([...view.querySelectorAll('.chart-legend li')].map((item) => item.textContent)).toEqual([
      'Marked “Helped”',
      'Other reminders',
    ]);
    await click(byRoleName(view, 'button', 'Show as a table'));
    expect(rows(view)).toEqual(['day 0313', 'day 1000', 'day 1733']);
  });

  it('says a chosen week in its live line', async () => {
    const view = await mount(<RemindersChart weeks={weeks} dayLabel={(day) => day} />);
    const live = view.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Point at a week, or move to it with Tab, to read its numbers.');
    await click(view.querySelectorAll<HTMLButtonElement>('.chart-hit')[2] as HTMLButtonElement);
    expect(live?.textContent).toBe('Week from 2026-11-17: 6 shown, 3 marked “Helped”.');
    expect(view.querySelectorAll('.chart-hit')[2]?.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('comparison-trap chart', () => {
  const accounts = Array.from({ length: 10 }, (_, i) => ({
    site: i % 2 ? 'x' : 'instagram',
    handle: i === 0 ? 'maple.and.moss.home' : `account${i}`,
    posts: 20 - i,
    ...(i === 0 ? { name: 'Maple & Moss' } : {}),
  }));
  const themes = [
    { theme: 'spotless-home', posts: 9 },
    { theme: 'perfect-routine', posts: 4 },
  ];
  const siteName = (id: string) => (id === 'x' ? 'X' : 'Instagram');

  it('shows the accounts with the most, each read out with its site, a short label under its bar', async () => {
    const view = await mount(<TrapChart accounts={accounts} themes={themes} siteName={siteName} />);
    expect(view.querySelector('svg title')?.textContent).toBe('Comparison-trap posts in the last 30 days, by account');
    expect(labels(view)).toHaveLength(8);
    expect(labels(view)[0]).toBe('Maple & Moss (@maple.and.moss.home) on Instagram: 20 posts.');
    expect(labels(view)[1]).toBe('@account1 on X: 19 posts.');
    const under = [...view.querySelectorAll('svg text')].map((text) => text.textContent);
    expect(under).toContain('@maple.and…');
    // One layer: no legend to read.
    expect(view.querySelector('.chart-legend')).toBeNull();
    await click(byRoleName(view, 'button', 'Show as a table'));
    expect(rows(view)[0]).toBe('@maple.and.moss.home (Instagram)20');
  });

  it('counts by theme at a click, and the choice says which is on', async () => {
    const view = await mount(<TrapChart accounts={accounts} themes={themes} siteName={siteName} />);
    const byTheme = byRoleName(view, 'button', 'By theme') as HTMLElement;
    expect(byTheme.getAttribute('aria-pressed')).toBe('false');
    await click(byTheme);
    expect(byRoleName(view, 'button', 'By theme')?.getAttribute('aria-pressed')).toBe('true');
    expect(view.querySelector('svg title')?.textContent).toBe('Comparison-trap posts in the last 30 days, by theme');
    expect(labels(view)).toEqual(['The picture-perfect home: 9 posts.', 'The perfect routine: 4 posts.']);
    expect([...view.querySelectorAll('svg text')].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(['Home', 'Routine']),
    );
  });
});
