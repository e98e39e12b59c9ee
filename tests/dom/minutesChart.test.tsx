// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ChartDay, MinutesChart, siteOrder } from '@/components/MinutesChart';
import { resetFormatters } from '@/components/text/format';
import { getSite } from '@/utils/sites/registry';
import { byRoleName, click, mount } from './render';

const MIN = 60_000;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const siteName = (id: string) => getSite(id)?.name ?? id;
const days: ChartDay[] = Array.from({ length: 90 }, (_, i) => {
  const date = new Date(Date.UTC(2026, 8, 6 + i));
  const day = date.toISOString().slice(0, 10);
  const totals: Record<string, number> = {};
  if (i % 3 !== 0) totals.x = (i % 7) * MIN;
  if (i % 2 === 0) totals.instagram = 10 * MIN + i * 1000;
  if (i === 88) totals['my-site'] = 3 * MIN;
  return { day, label: day.slice(5), totals };
});

describe('minutes chart', () => {
  it('orders sites as the registry does, then her own, whatever order the data comes in', () => {
    expect(siteOrder(days)).toEqual(['instagram', 'x', 'my-site']);
    expect(siteOrder([{ day: 'd', label: 'd', totals: { x: 1, instagram: 1 } }])).toEqual(['instagram', 'x']);
  });

  it('shows the last 7 days by default, 30 or 90 on request, each day a button that reads out its numbers', async () => {
    const view = await mount(<MinutesChart days={days} siteName={siteName} dailyLimitMinutes={30} />);
    expect(view.querySelectorAll('.chart-hit')).toHaveLength(7);
    expect(view.querySelector('svg title')?.textContent).toBe('Minutes on feeds per day, the last 7 days');
    expect(view.querySelector('svg desc')?.textContent).toContain(
      'A dashed line marks your daily limit of 30 minutes.',
    );
    expect(view.querySelector('.chart-limit')).not.toBeNull();
    const last = view.querySelector('.chart-hit:last-child');
    expect(last?.getAttribute('aria-label')).toBe('12-04: X 5 min; 5 min in all.');
    expect(view.querySelectorAll('.chart-hit')[5]?.getAttribute('aria-label')).toBe(
      '12-03: Instagram 11 min, X 4 min, my-site 3 min; 18 min in all.',
    );
    await click(byRoleName(view, 'button', '30 days'));
    expect(view.querySelectorAll('.chart-hit')).toHaveLength(30);
    expect(byRoleName(view, 'button', '30 days')?.getAttribute('aria-pressed')).toBe('true');
    await click(byRoleName(view, 'button', '90 days'));
    expect(view.querySelectorAll('.chart-hit')).toHaveLength(90);
    expect([...view.querySelectorAll('.chart-legend li')].map((item) => item.textContent)).toEqual([
      'Instagram',
      'X',
      'my-site',
    ]);
  });

  it('says a day without time plainly, and shows the same numbers as a table on request', async () => {
    const view = await mount(<MinutesChart days={days} siteName={siteName} dailyLimitMinutes={null} />);
    expect(view.querySelector('.chart-limit')).toBeNull();
    await click(byRoleName(view, 'button', '90 days'));
    expect(view.querySelector('.chart-hit')?.getAttribute('aria-label')).toBe(
      '09-06: Instagram 10 min; 10 min in all.',
    );
    const toggle = byRoleName(view, 'button', 'Show as a table');
    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(view.querySelectorAll('tbody tr')).toHaveLength(90);
    const empty = [{ day: '2026-12-01', label: 'Tue 1 Dec', totals: {} }];
    document.body.innerHTML = '';
    const quiet = await mount(<MinutesChart days={empty} siteName={siteName} dailyLimitMinutes={null} />);
    expect(quiet.querySelector('.chart-hit')?.getAttribute('aria-label')).toBe('Tue 1 Dec: no time on feeds.');
  });
});
