// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InsightsCard } from '@/components/InsightsCard';
import { resetFormatters } from '@/components/text/format';
import type { Insight } from '@/utils/insights/insights';
import { byRoleName, click, mount } from './render';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const INSIGHTS: Insight[] = [
  { id: 'long-sessions-worse', worse: 6, long: 8, shorter: { count: 5, mostly: 'same' } },
  {
    id: 'few-accounts',
    accounts: 2,
    handles: [
      { site: 'instagram', handle: 'maple', name: 'Maple & Moss' },
      { site: 'instagram', handle: 'tidy' },
    ],
    posts: 31,
    days: 9,
  },
  { id: 'week-change', minutesThisWeek: 22, minutesWeekBefore: 31, days: 12 },
];

describe('insights card', () => {
  it('says each insight kindly, with what it is based on and a next step where one fits', async () => {
    const view = await mount(<InsightsCard insights={INSIGHTS} hide={vi.fn()} hideAccounts={vi.fn()} />);
    const items = [...view.querySelectorAll('.insight')].map((item) => item.textContent ?? '');
    expect(items[0]).toContain(
      'After 6 of your 8 sessions longer than 20 minutes you felt a bit worse or much worse. After shorter ones, mostly about the same.',
    );
    expect(items[0]).toContain('Based on your check-ins after 13 sessions in the last 30 days.');
    expect(items[1]).toContain(
      'Most of the comparison-trap posts you saw this month came from 2 accounts: Maple & Moss, @tidy.',
    );
    expect(items[1]).toContain('Based on 31 posts over 9 days.');
    expect(items[2]).toContain('This week you spent about 22 minutes a day on feeds, 9 fewer than the week before.');
    expect(items[2]).not.toContain('One small step');
  });

  it('hides the accounts it names in one click, and hides an insight she doesn’t want', async () => {
    const hide = vi.fn(async () => {});
    const hideAccounts = vi.fn(async () => {});
    const view = await mount(<InsightsCard insights={INSIGHTS} hide={hide} hideAccounts={hideAccounts} />);
    await click(byRoleName(view, 'button', 'Hide them on this device'));
    expect(hideAccounts).toHaveBeenCalledWith(INSIGHTS[1] && 'handles' in INSIGHTS[1] ? INSIGHTS[1].handles : []);
    expect(view.textContent).toContain('Hidden on this device.');
    await click(view.querySelector<HTMLButtonElement>('.insight button.secondary'));
    expect(hide).toHaveBeenCalledWith('long-sessions-worse');
    expect(view.querySelectorAll('.insight')).toHaveLength(2);
    expect(view.querySelector('#insights-heading ~ [role="status"]')?.textContent).toBe('Hidden. It won’t show again.');
  });

  it('says plainly when there is not enough to go on', async () => {
    const view = await mount(<InsightsCard insights={[]} hide={vi.fn()} hideAccounts={vi.fn()} />);
    expect(view.textContent).toContain('Nothing to say yet.');
  });
});
