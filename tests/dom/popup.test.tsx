// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupData } from '@/entrypoints/popup/PopupApp';
import { freshDayState } from '@/utils/limits/stateRecords';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { byRoleName, click, mount } from './render';

// New message keys are added to messages.json separately: show keys and substitutions.
vi.mock('@/utils/i18n', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : [subs].flat())].join(' '),
}));

const MIN = 60_000;
/** Tuesday 10 March 2026, 18:30 local time. */
const NOW = new Date(2026, 2, 10, 18, 30).getTime();

afterEach(() => {
  document.body.innerHTML = '';
});

function settingsWith(boundaries: Partial<Settings['boundaries']> = {}): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.boundaries = { ...settings.boundaries, ...boundaries };
  return settings;
}

function data(todayMsBySite: Record<string, number>, extra: Partial<PopupData> = {}): PopupData {
  return { todayMsBySite, settings: settingsWith(), dayState: freshDayState(dayKeyOf(NOW, 4)), ...extra };
}

function mountPopup(value: PopupData, save = vi.fn(async (_settings: Settings) => {})) {
  return mount(<PopupApp load={async () => value} save={save} now={() => NOW} />);
}

describe('popup: today at a glance', () => {
  it('shows today’s total and each site largest first, with names', async () => {
    const view = await mountPopup(data({ x: 4 * MIN, instagram: 21 * MIN + 30_000, reddit: 20_000 }));
    expect(view.querySelector('h1')?.textContent).toBe('popupTodayHeading');
    expect(view.querySelector('.total')?.textContent).toBe('popupTotalMinutes 25');
    const list = view.querySelector('ul[aria-label="popupPerSiteLabel"]');
    const rows = [...(list?.querySelectorAll('li') ?? [])].map((row) => [
      row.querySelector('.site-name')?.textContent,
      row.querySelector('.site-time')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Instagram', 'minutesShort 21'],
      ['X', 'minutesShort 4'],
      ['Reddit', 'lessThanAMinute'],
    ]);
  });

  it('shows time left under the overall limit with a labelled progress bar', async () => {
    const view = await mountPopup(
      data({ instagram: 12 * MIN, tiktok: 6 * MIN }, { settings: settingsWith({ dailyLimitMinutes: 30 }) }),
    );
    expect(view.querySelector('.left')?.textContent).toBe('popupMinutesLeftToday 12');
    const bar = view.querySelector<HTMLProgressElement>('progress.overall-progress');
    expect(bar?.value).toBe(18);
    expect(bar?.max).toBe(30);
    expect(bar?.getAttribute('aria-label')).toBe('popupOverallProgressLabel 18 30');
  });

  it('counts extra minutes taken today in the allowance, and says kindly when it is used up', async () => {
    const dayState = { ...freshDayState(dayKeyOf(NOW, 4)), extraMsGranted: 5 * MIN, extensionsUsed: 1 };
    const view = await mountPopup(
      data({ instagram: 40 * MIN }, { settings: settingsWith({ dailyLimitMinutes: 30 }), dayState }),
    );
    expect(view.querySelector('.left')?.textContent).toBe('popupLimitReachedToday 35');
    expect(view.querySelector<HTMLProgressElement>('progress.overall-progress')?.value).toBe(35);
  });

  it('shows each site against its own limit, and sites with a limit even before any time', async () => {
    const view = await mountPopup(
      data(
        { instagram: 21 * MIN, x: 3 * MIN },
        { settings: settingsWith({ siteLimits: { instagram: 25, tiktok: 10 } }) },
      ),
    );
    const instagram = view.querySelector('.site-list li[data-site="instagram"]');
    const bar = instagram?.querySelector<HTMLProgressElement>('progress');
    expect(bar?.value).toBe(21);
    expect(bar?.max).toBe(25);
    expect(bar?.getAttribute('aria-label')).toBe('popupSiteProgressLabel Instagram 21 25');
    expect(instagram?.querySelector('.site-limit')?.textContent).toBe('popupSiteLeft 4 25');
    const tiktok = view.querySelector('.site-list li[data-site="tiktok"]');
    expect(tiktok?.querySelector<HTMLProgressElement>('progress')?.value).toBe(0);
    // No limit of its own: a relative bar, hidden from screen readers (the minutes are the text).
    const xRow = [...view.querySelectorAll('.site-list li')].find((row) => row.textContent?.startsWith('X'));
    expect(xRow?.querySelector('progress')).toBeNull();
    expect(xRow?.querySelector('.bar')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('lists the feed-free times in the next 24 hours', async () => {
    const settings = settingsWith({
      feedFreeWindows: [
        { id: 'bed', start: '19:00', end: '20:00', days: [0, 1, 2, 3, 4, 5, 6], label: 'Bedtime routine' },
        { id: 'morning', start: '07:00', end: '08:00', days: [3], label: '' },
        { id: 'sunday', start: '10:00', end: '12:00', days: [0], label: 'Family' },
      ],
    });
    const view = await mountPopup(data({}, { settings }));
    const items = [...view.querySelectorAll('.ahead-list li')].map((item) => item.textContent);
    expect(items).toEqual([
      'popupTimeRange 19:00 20:00 Bedtime routine',
      'popupTimeRange 07:00 08:00 (popupFeedFreeTomorrow)',
    ]);
    expect(view.querySelector('#feed-free-ahead-heading')?.tagName).toBe('H2');
  });

  it('marks a feed-free time in effect now', async () => {
    const settings = settingsWith({
      feedFreeWindows: [{ id: 'dinner', start: '18:00', end: '19:00', days: [2], label: 'Dinner' }],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(view.querySelector('.ahead-list li')?.textContent).toBe(
      'popupTimeRange 18:00 19:00 Dinner (popupFeedFreeNow)',
    );
  });

  it('says limits are paused for the rest of today, instead of time left and feed-free times', async () => {
    const settings = settingsWith({
      dailyLimitMinutes: 30,
      feedFreeWindows: [{ id: 'bed', start: '19:00', end: '20:00', days: [2], label: 'Bed' }],
    });
    const dayState = { ...freshDayState(dayKeyOf(NOW, 4)), pausedForToday: true };
    const view = await mountPopup(data({ instagram: 5 * MIN }, { settings, dayState }));
    expect(view.querySelector('.paused')?.textContent).toBe('popupPausedToday');
    expect(view.querySelector('.left')).toBeNull();
    expect(view.querySelector('.ahead-list')).toBeNull();
    // The popup never offers the pause itself.
    expect(view.querySelector('button[aria-label*="ause"]')).toBeNull();
  });

  it('says so kindly when nothing was counted today', async () => {
    const view = await mountPopup(data({}));
    expect(view.textContent).toContain('popupNothingYet');
    expect(view.querySelector('.site-list')).toBeNull();
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

  it('reads storage once', async () => {
    const load = vi.fn(async () => data({}));
    await mount(<PopupApp load={load} now={() => NOW} />);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('popup: structure and notes', () => {
  it('shows a stored-settings problem once, as a note she can dismiss', async () => {
    const view = await mountPopup(
      data({}, { settingsProblem: 'Your saved settings could not be read (x); defaults are in use.' }),
    );
    const note = view.querySelector('[role="note"]');
    expect(note?.textContent).toContain('Your saved settings could not be read (x); defaults are in use.');
    await click(byRoleName(view, '[role="note"] button', 'popupDismissNote'));
    expect(view.querySelector('[role="note"]')).toBeNull();
  });

  it('has no note when settings were read fine', async () => {
    const view = await mountPopup(data({}));
    expect(view.querySelector('[role="note"]')).toBeNull();
  });

  it('has the today heading, the boundaries heading and the dashboard as a real button', async () => {
    const view = await mountPopup(data({}));
    expect(view.querySelector('h1')?.textContent).toBe('popupTodayHeading');
    expect(view.querySelector('form h2')?.textContent).toBe('popupBoundariesHeading');
    const button = byRoleName(view, 'footer button', 'popupOpenDashboard');
    expect(button?.getAttribute('type')).toBe('button');
    expect(view.querySelector('footer')?.textContent).toContain('popupPrivacyLine');
  });

  it('keeps today’s numbers in step after a quick limit change', async () => {
    const save = vi.fn(async (_settings: Settings) => {});
    const view = await mountPopup(
      data({ instagram: 10 * MIN }, { settings: settingsWith({ siteLimits: { instagram: 30 } }) }),
      save,
    );
    await click(byRoleName(view, 'button', 'popupLowerSiteLimit Instagram 5'));
    await act(async () => {});
    expect(view.querySelector<HTMLProgressElement>('.site-list li[data-site="instagram"] progress')?.max).toBe(25);
  });
});
