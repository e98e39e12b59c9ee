// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countByLength, FeelingsChart } from '@/components/FeelingsChart';
import { resetFormatters } from '@/components/text/format';
import type { CheckIn } from '@/utils/checkins/checkIns';
import { byRoleName, click, mount } from './render';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const checkIn = (minutes: number, feeling?: CheckIn['feeling'], i = 0): CheckIn => ({
  sessionId: `s${minutes}-${i}`,
  site: 'instagram',
  start: i,
  activeMs: minutes * 60_000,
  ...(feeling ? { feeling } : {}),
});

const CHECK_INS = [
  checkIn(9.9, 'same'),
  checkIn(10, 'better'),
  checkIn(19, 'same'),
  checkIn(20, 'bit-worse'),
  checkIn(25, 'bit-worse', 1),
  checkIn(39, 'much-worse'),
  checkIn(40, 'much-worse', 2),
  checkIn(70, 'bit-worse', 3),
  checkIn(30, undefined, 4),
];

describe('how she felt after sessions, by length', () => {
  it('counts answered check-ins in each length, edges included in the longer one', () => {
    expect(countByLength(CHECK_INS).map(({ key: _key, label, ...counts }) => [label, counts])).toEqual([
      ['0–10 min', { better: 0, same: 1, 'bit-worse': 0, 'much-worse': 0 }],
      ['10–20 min', { better: 1, same: 1, 'bit-worse': 0, 'much-worse': 0 }],
      ['20–40 min', { better: 0, same: 0, 'bit-worse': 2, 'much-worse': 1 }],
      ['40 min or more', { better: 0, same: 0, 'bit-worse': 1, 'much-worse': 1 }],
    ]);
  });

  it('reads each bar out from its button, and gives the same counts as a table', async () => {
    const view = await mount(<FeelingsChart checkIns={CHECK_INS} />);
    expect(view.querySelector('svg title')?.textContent).toBe('How you felt after sessions, by their length');
    expect([...view.querySelectorAll('.chart-hit')].map((button) => button.getAttribute('aria-label'))).toEqual([
      'Sessions of 0–10 min: 1 answered. About the same: 1.',
      'Sessions of 10–20 min: 2 answered. Better: 1, About the same: 1.',
      'Sessions of 20–40 min: 3 answered. A bit worse: 2, Much worse: 1.',
      'Sessions of 40 min or more: 2 answered. A bit worse: 1, Much worse: 1.',
    ]);
    await click(byRoleName(view, 'button', 'Show as a table'));
    expect([...view.querySelectorAll('tbody tr')].map((row) => row.textContent)).toEqual([
      '0–10 min0100',
      '10–20 min1100',
      '20–40 min0021',
      '40 min or more0011',
    ]);
  });

  it('says a length with no answers plainly', async () => {
    const view = await mount(<FeelingsChart checkIns={[checkIn(5, 'better')]} />);
    expect(view.querySelectorAll('.chart-hit')[3]?.getAttribute('aria-label')).toBe(
      'Sessions of 40 min or more: none answered yet.',
    );
  });
});
