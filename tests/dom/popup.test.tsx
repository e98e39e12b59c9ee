// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetFormatters } from '@/components/text/format';
import { loadPopupData, PopupApp, type PopupData } from '@/entrypoints/popup/PopupApp';
import { promptForDay } from '@/utils/journal/prompts';
import { freshDayState } from '@/utils/limits/stateRecords';
import { getSite, siteOrigins } from '@/utils/sites/registry';
import type { SiteAdapter } from '@/utils/sites/types';
import { fingerprint } from '@/utils/storage/keptAside';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { useTimeZone } from '../helpers/timeZone';
import { permissionsState } from '../setup/permissions';
import { byRoleName, click, mount } from './render';

const MIN = 60_000;
/** Tuesday 10 March 2026, 18:30 in Berlin (17:30 UTC): clock times below are Berlin's, not UTC's. */
const NOW = Date.UTC(2026, 2, 10, 17, 30);

useTimeZone('Europe/Berlin');

let uiLanguage = 'en-US';
beforeEach(() => {
  uiLanguage = 'en-US';
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => uiLanguage);
  resetFormatters();
});

afterEach(() => {
  document.body.innerHTML = '';
});

/** Today's day key at NOW (days start at 04:00 by default); call inside a test (the zone is set then). */
const today = () => dayKeyOf(NOW, 4);

function settingsWith(boundaries: Partial<Settings['boundaries']> = {}): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.boundaries = { ...settings.boundaries, ...boundaries };
  return settings;
}

function data(todayMsBySite: Record<string, number>, extra: Partial<PopupData> = {}): PopupData {
  return { todayMsBySite, settings: settingsWith(), dayState: freshDayState(today()), ...extra };
}

/** The popup over `value`; `stored` stands for storage (what a quick change starts from). */
function mountPopup(
  value: PopupData,
  save = vi.fn(async (_settings: Settings) => {}),
  stored = { settings: value.settings },
) {
  const update = async (change: (current: Settings) => Settings) => {
    const settings = change(stored.settings);
    await save(settings);
    stored.settings = settings;
    return settings;
  };
  return mount(<PopupApp load={async () => value} update={update} noticeSeen={async () => {}} now={() => NOW} />);
}

const textsOf = (view: HTMLElement, selector: string) =>
  [...view.querySelectorAll(selector)].map((element) => element.textContent);

describe('popup: today at a glance', () => {
  it('shows today’s total and each site largest first, with names', async () => {
    const view = await mountPopup(data({ x: 4 * MIN, instagram: 21 * MIN + 30_000, reddit: 20_000 }));
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

  it('writes an hour or more as hours and minutes', async () => {
    const view = await mountPopup(data({ youtube: 75 * MIN }));
    expect(view.querySelector('.site-time')?.textContent).toBe('1 h 15 min');
    expect(view.querySelector('.total')?.textContent).toBe('75 min in all');
  });

  it('shows time left under the overall limit with a labelled progress bar', async () => {
    const view = await mountPopup(
      data({ instagram: 12 * MIN, tiktok: 6 * MIN }, { settings: settingsWith({ dailyLimitMinutes: 30 }) }),
    );
    expect(view.querySelector('.left')?.textContent).toBe('12 min left today');
    const bar = view.querySelector<HTMLProgressElement>('progress.overall-progress');
    expect(bar?.value).toBe(18);
    expect(bar?.max).toBe(30);
    expect(bar?.getAttribute('aria-label')).toBe('18 of 30 minutes used today');
  });

  it('writes large numbers as her language does', async () => {
    const view = await mountPopup(
      data({ instagram: 1200 * MIN }, { settings: settingsWith({ dailyLimitMinutes: 1440 }) }),
    );
    expect(view.querySelector('.total')?.textContent).toBe('1,200 min in all');
    expect(view.querySelector('.overall-progress')?.getAttribute('aria-label')).toBe(
      '1,200 of 1,440 minutes used today',
    );
  });

  it('counts extra minutes taken today in the allowance, and says kindly when it is used up', async () => {
    const dayState = { ...freshDayState(today()), extraMsGranted: 5 * MIN, extensionsUsed: 1 };
    const view = await mountPopup(
      data({ instagram: 40 * MIN }, { settings: settingsWith({ dailyLimitMinutes: 30 }), dayState }),
    );
    expect(view.querySelector('.left')?.textContent).toBe('You’ve used the 35 minutes you chose for today.');
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
    expect(bar?.getAttribute('aria-label')).toBe('Instagram: 21 of 25 minutes used');
    expect(instagram?.querySelector('.site-limit')?.textContent).toBe('4 min left of 25');
    const tiktok = view.querySelector('.site-list li[data-site="tiktok"]');
    expect(tiktok?.querySelector<HTMLProgressElement>('progress')?.value).toBe(0);
    expect(tiktok?.querySelector('.site-limit')?.textContent).toBe('10 min left of 10');
    // No limit of its own: a relative bar, hidden from screen readers (the minutes are the text).
    const xRow = [...view.querySelectorAll('.site-list li')].find((row) => row.textContent?.startsWith('X'));
    expect(xRow?.querySelector('progress')).toBeNull();
    expect(xRow?.querySelector('.bar')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows the next feed-free time in the coming 24 hours, in local time', async () => {
    const settings = settingsWith({
      feedFreeWindows: [
        { id: 'bed', start: '19:00', end: '20:00', days: [0, 1, 2, 3, 4, 5, 6], label: 'Bedtime routine' },
        { id: 'morning', start: '07:00', end: '08:00', days: [3], label: '' },
        { id: 'sunday', start: '10:00', end: '12:00', days: [0], label: 'Family' },
      ],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(textsOf(view, '.ahead')).toEqual(['07:00 PM–08:00 PM Bedtime routine']);
    expect(view.querySelector('#feed-free-next-heading')?.textContent).toBe('Next feed-free time');
    expect(view.querySelector('#feed-free-next-heading')?.tagName).toBe('H2');
  });

  it('says "tomorrow" when the next feed-free time starts after midnight', async () => {
    const settings = settingsWith({
      feedFreeWindows: [{ id: 'morning', start: '07:00', end: '08:00', days: [3], label: '' }],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(textsOf(view, '.ahead')).toEqual(['07:00 AM–08:00 AM (tomorrow)']);
  });

  it('writes clock times as the browser’s language does', async () => {
    uiLanguage = 'en-GB';
    const settings = settingsWith({
      feedFreeWindows: [{ id: 'bed', start: '19:00', end: '20:00', days: [2], label: 'Bed' }],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(textsOf(view, '.ahead')).toEqual(['19:00–20:00 Bed']);
  });

  it('marks a feed-free time in effect now', async () => {
    const settings = settingsWith({
      feedFreeWindows: [{ id: 'dinner', start: '18:00', end: '19:00', days: [2], label: 'Dinner' }],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(textsOf(view, '.ahead')).toEqual(['06:00 PM–07:00 PM Dinner (now)']);
  });

  it('says when no feed-free time comes in the next 24 hours', async () => {
    const settings = settingsWith({
      feedFreeWindows: [{ id: 'sunday', start: '10:00', end: '12:00', days: [0], label: 'Family' }],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(view.querySelector('.ahead')).toBeNull();
    expect(view.querySelector('.feed-free-next')?.textContent).toContain('No feed-free times in the next 24 hours.');
  });

  it('says limits are paused for the rest of today, instead of time left and feed-free times', async () => {
    const settings = settingsWith({
      dailyLimitMinutes: 30,
      feedFreeWindows: [{ id: 'bed', start: '19:00', end: '20:00', days: [2], label: 'Bed' }],
    });
    const dayState = { ...freshDayState(today()), pausedForToday: true };
    const view = await mountPopup(data({ instagram: 5 * MIN }, { settings, dayState }));
    expect(view.querySelector('.paused')?.textContent).toBe('Limits are off for the rest of today.');
    expect(view.querySelector('.left')).toBeNull();
    expect(view.querySelector('.ahead')).toBeNull();
    // The popup never offers the pause itself.
    expect(textsOf(view, 'button').filter((text) => /pause/i.test(text ?? ''))).toEqual([]);
  });

  it('says so kindly when nothing was counted today', async () => {
    const view = await mountPopup(data({}));
    expect(view.textContent).toContain('No feed time yet today.');
    expect(view.querySelector('.site-list')).toBeNull();
  });

  it('says it is loading until the data is there', async () => {
    const view = await mount(<PopupApp load={() => new Promise<PopupData>(() => {})} now={() => NOW} />);
    expect(view.querySelector('[aria-live="polite"]')?.textContent).toBe('Loading today’s time…');
    expect(view.querySelector('h1')).toBeNull();
  });

  it('draws today at once from what was read before its first render, and does not read again', async () => {
    const load = vi.fn(() => new Promise<PopupData>(() => {}));
    const container = document.createElement('div');
    document.body.append(container);
    // The very first render, before any effect or promise: today is there, not "Loading…".
    render(<PopupApp loaded={data({ instagram: 8 * MIN })} load={load} now={() => NOW} />, container);
    expect(container.querySelector('.total')?.textContent).toBe('8 min in all');
    expect(container.textContent).not.toContain('Loading');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(load).not.toHaveBeenCalled();
    expect(container.querySelector('.total')?.textContent).toBe('8 min in all');
  });

  it('opens the reflection on Reflect, in place of the journal (kept, hidden, with her words)', async () => {
    const journal = { prompt: promptForDay(today(), null), draft: null, firstShowingToday: false };
    const view = await mountPopup(data({ instagram: 8 * MIN }, { journal }));
    const journalPart = view.querySelector('.journal')?.parentElement;
    expect(journalPart?.hidden).toBe(false);
    expect(view.querySelector('.reflect')).toBeNull();
    await click(byRoleName(view, 'button', 'Reflect'));
    expect(view.querySelector('.reflect')).not.toBeNull();
    expect(journalPart?.hidden).toBe(true);
    expect(journalPart?.isConnected).toBe(true);
  });

  it('shows a clear message, without the technical error, when storage cannot be read', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = await mount(
      <PopupApp
        load={async () => {
          throw new Error('IndexedDB is unavailable');
        }}
      />,
    );
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'Today’s numbers could not be read just now. Nothing was changed; try opening this again in a moment.',
    );
    expect(view.textContent).not.toContain('IndexedDB');
    expect(view.textContent).not.toContain('Loading');
    expect(logged).toHaveBeenCalled();
  });
});

describe('popup: structure and notes', () => {
  const notice = { problem: { code: 'invalid' as const, path: 'boundaries' }, fingerprint: 'abc12345' };

  it('shows the notice about unreadable stored settings, and dismissing it records its fingerprint', async () => {
    const noticeSeen = vi.fn(async (_fingerprint: string) => {});
    const view = await mount(
      <PopupApp load={async () => data({}, { settingsNotice: notice })} noticeSeen={noticeSeen} now={() => NOW} />,
    );
    const note = view.querySelector('[role="note"]');
    expect(note?.querySelector('p')?.textContent).toBe(
      'Your saved settings couldn’t be read, so Outside the Frame is using its usual settings for now. Your time and journal are not affected, and the saved copy is kept, unchanged, in your data export.',
    );
    await click(byRoleName(view, '[role="note"] button', 'Dismiss'));
    expect(view.querySelector('[role="note"]')).toBeNull();
    expect(noticeSeen).toHaveBeenCalledExactlyOnceWith('abc12345');
    // Today is still there.
    expect(view.querySelector('h1')?.textContent).toBe('Today on feeds');
  });

  it('says settings from a newer version are kept and not read yet', async () => {
    const view = await mountPopup(
      data({}, { settingsNotice: { problem: { code: 'newer-version', version: 3 }, fingerprint: 'f' } }),
    );
    expect(view.querySelector('[role="note"] p')?.textContent).toBe(
      'Your settings were saved by a newer version of Outside the Frame, so this one can’t read them yet. It is using its usual settings for now; your saved ones are kept, unchanged, until you save new ones here.',
    );
  });

  it('has no note when settings were read fine', async () => {
    const view = await mountPopup(data({}));
    expect(view.querySelector('[role="note"]')).toBeNull();
  });

  it('has the today heading, the boundaries heading and the dashboard as a real button', async () => {
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const view = await mountPopup(data({}));
    expect(view.querySelector('h1')?.textContent).toBe('Today on feeds');
    expect(view.querySelector('.quick h2')?.textContent).toBe('Your boundaries');
    const button = byRoleName(view, 'footer button', 'Open dashboard');
    expect(button?.getAttribute('type')).toBe('button');
    expect(view.querySelector('footer')?.textContent).toContain(
      'Counted only while you use a feed. Kept on this device.',
    );
    await click(button);
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('keeps today’s numbers in step after a quick limit change', async () => {
    const save = vi.fn(async (_settings: Settings) => {});
    const view = await mountPopup(
      data({ instagram: 10 * MIN }, { settings: settingsWith({ siteLimits: { instagram: 30 } }) }),
      save,
    );
    await click(byRoleName(view, 'button', 'Lower Instagram limit by 5 minutes'));
    await act(async () => {});
    expect(save).toHaveBeenCalledOnce();
    const row = view.querySelector('.site-list li[data-site="instagram"]');
    expect(row?.querySelector<HTMLProgressElement>('progress')?.max).toBe(25);
    expect(row?.querySelector('.site-limit')?.textContent).toBe('15 min left of 25');
  });
});

describe('popup: her boundaries in a line', () => {
  it('sums them up, with −5/+5 for each limit she has, and no full editor here', async () => {
    const settings = settingsWith({
      dailyLimitMinutes: 30,
      siteLimits: { instagram: 15, tiktok: 10 },
      feedFreeWindows: [{ id: 'w', start: '19:00', end: '20:00', days: [0, 1, 2, 3, 4, 5, 6], label: '' }],
    });
    const view = await mountPopup(data({}, { settings }));
    expect(view.querySelector('.quick-summary')?.textContent).toBe(
      '30 min a day in all · limits on 2 sites · 1 feed-free time',
    );
    expect([...view.querySelectorAll('.quick-row .quick-name')].map((name) => name.textContent)).toEqual([
      'All feeds',
      'Instagram',
      'TikTok',
    ]);
    expect(view.querySelector('form')).toBeNull();
    expect(view.textContent).not.toContain('Reminders while you scroll');
  });

  it('says when nothing is set', async () => {
    const view = await mountPopup(data({}, { settings: settingsWith({ dailyLimitMinutes: null }) }));
    expect(view.querySelector('.quick-summary')?.textContent).toBe('No limits or feed-free times yet.');
    expect(view.querySelectorAll('.quick-row')).toHaveLength(0);
  });

  it('changes the limit for all feeds by 5 and says so; a failed save says so and keeps it', async () => {
    const save = vi.fn(async (_settings: Settings) => {});
    const view = await mountPopup(data({}, { settings: settingsWith({ dailyLimitMinutes: 30 }) }), save);
    await click(byRoleName(view, 'button', 'Raise All feeds limit by 5 minutes'));
    expect(save.mock.calls[0]?.[0].boundaries.dailyLimitMinutes).toBe(35);
    expect(view.querySelector('.quick [role="status"]')?.textContent).toBe('All feeds limit: 35 minutes');
    save.mockRejectedValueOnce(new Error('quota'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await click(byRoleName(view, 'button', 'Lower All feeds limit by 5 minutes'));
    expect(view.querySelector('.quick [role="status"]')?.textContent).toBe(
      'Your boundaries could not be saved just now. Nothing was changed; please try again.',
    );
    expect(view.querySelector('.quick-minutes')?.textContent).toBe('35 min');
  });

  it('changes a limit from its value as stored now, keeping what changed elsewhere meanwhile', async () => {
    const save = vi.fn(async (_settings: Settings) => {});
    const opened = settingsWith({ dailyLimitMinutes: 30, siteLimits: { instagram: 15 } });
    const stored = { settings: opened };
    const view = await mountPopup(data({}, { settings: opened }), save, stored);
    // While the popup is open: the dashboard (or a reflection) lowered Instagram and raised the
    // daily limit, and reminders were set to come more often.
    stored.settings = {
      ...opened,
      boundaries: { ...opened.boundaries, dailyLimitMinutes: 40, siteLimits: { instagram: 10 } },
      nudges: { ...opened.nudges, frequency: 'balanced' },
    };
    await click(byRoleName(view, 'button', 'Raise All feeds limit by 5 minutes'));
    const saved = save.mock.calls[0]?.[0];
    expect(saved?.boundaries.dailyLimitMinutes).toBe(45);
    expect(saved?.boundaries.siteLimits).toEqual({ instagram: 10 });
    expect(saved?.nudges.frequency).toBe('balanced');
    expect(view.querySelector('.quick [role="status"]')?.textContent).toBe('All feeds limit: 45 minutes');
    expect([...view.querySelectorAll('.quick-minutes')].map((cell) => cell.textContent)).toEqual(['45 min', '10 min']);
  });

  it('“Edit boundaries” opens the full editor on the dashboard', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const view = await mountPopup(data({}));
    await click(byRoleName(view, 'button', 'Edit boundaries'));
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/dashboard.html#boundaries') });
  });
});

describe('loadPopupData: one read per storage area', () => {
  /** A ledger that must not be needed unless the published usage is missing or stale. */
  function fakeLedger(totals: Record<string, number> = {}) {
    const dayTotals = vi.fn(async (days: readonly string[]) => new Map(days.map((day) => [day, { ...totals }])));
    return { ledger: { dayTotals } as unknown as LedgerStore, dayTotals };
  }

  function spyOnReads() {
    return {
      local: vi.spyOn(fakeBrowser.storage.local, 'get'),
      sync: vi.spyOn(fakeBrowser.storage.sync, 'get'),
    };
  }

  const published = (day: string, todayMsBySite: Record<string, number>, at = NOW - 30_000) => ({
    boundaryUsage: { schemaVersion: 1, day, todayMsBySite, at },
  });

  it('uses today’s published usage, without opening the ledger', async () => {
    await fakeBrowser.storage.local.set(published(today(), { instagram: 12 * MIN, tiktok: 2 * MIN }));
    const reads = spyOnReads();
    const { ledger, dayTotals } = fakeLedger({ instagram: 1 });
    const loaded = await loadPopupData(NOW, ledger);
    expect(loaded.todayMsBySite).toEqual({ instagram: 12 * MIN, tiktok: 2 * MIN });
    expect(dayTotals).not.toHaveBeenCalled();
    expect(reads.local).toHaveBeenCalledOnce();
    expect(reads.sync).toHaveBeenCalledOnce();
  });

  it('opens the ledger for today only when the published usage is from another day', async () => {
    const yesterday = dayKeyOf(NOW - 24 * 60 * MIN, 4);
    await fakeBrowser.storage.local.set(published(yesterday, { instagram: 50 * MIN }, NOW - 24 * 60 * MIN));
    const reads = spyOnReads();
    const { ledger, dayTotals } = fakeLedger({ reddit: 7 * MIN });
    const loaded = await loadPopupData(NOW, ledger);
    expect(dayTotals).toHaveBeenCalledExactlyOnceWith([today()]);
    expect(loaded.todayMsBySite).toEqual({ reddit: 7 * MIN });
    expect(reads.local).toHaveBeenCalledOnce();
    expect(reads.sync).toHaveBeenCalledOnce();
  });

  it('takes what the popup’s first script read early, asking storage for nothing again', async () => {
    await fakeBrowser.storage.local.set(published(today(), { instagram: 1 * MIN }));
    const reads = spyOnReads();
    const early = Promise.resolve({
      sync: { settings: settingsWith({ dailyLimitMinutes: 45 }) },
      local: published(today(), { instagram: 12 * MIN }),
      session: {},
    });
    const loaded = await loadPopupData(NOW, fakeLedger().ledger, early);
    expect(loaded.todayMsBySite).toEqual({ instagram: 12 * MIN });
    expect(loaded.settings.boundaries.dailyLimitMinutes).toBe(45);
    expect(reads.local).not.toHaveBeenCalled();
    expect(reads.sync).not.toHaveBeenCalled();
  });

  it('reads storage itself when there was no early read to take', async () => {
    await fakeBrowser.storage.local.set(published(today(), { instagram: 3 * MIN }));
    const reads = spyOnReads();
    const loaded = await loadPopupData(NOW, fakeLedger().ledger, Promise.resolve(undefined));
    expect(loaded.todayMsBySite).toEqual({ instagram: 3 * MIN });
    expect(reads.local).toHaveBeenCalledOnce();
    expect(reads.sync).toHaveBeenCalledOnce();
  });

  it('opens the ledger when nothing was published yet', async () => {
    const { ledger, dayTotals } = fakeLedger({ x: 3 * MIN });
    const loaded = await loadPopupData(NOW, ledger);
    expect(dayTotals).toHaveBeenCalledOnce();
    expect(loaded.todayMsBySite).toEqual({ x: 3 * MIN });
  });

  it('reads her settings and today’s boundary state from storage', async () => {
    const settings = settingsWith({ dailyLimitMinutes: 45 });
    const dayState = { ...freshDayState(today()), extensionsUsed: 2, extraMsGranted: 10 * MIN };
    await fakeBrowser.storage.sync.set({ settings });
    await fakeBrowser.storage.local.set({ boundaryDay: dayState, ...published(today(), {}) });
    const loaded = await loadPopupData(NOW, fakeLedger().ledger);
    expect(loaded.settings.boundaries.dailyLimitMinutes).toBe(45);
    expect(loaded.dayState).toEqual(dayState);
    expect(loaded.settingsNotice).toBeUndefined();
  });

  it('has a settings notice for an unreadable stored settings value, until that value was seen', async () => {
    const broken = { schemaVersion: 2, boundaries: 'nope' };
    await fakeBrowser.storage.sync.set({ settings: broken });
    await fakeBrowser.storage.local.set(published(today(), {}));
    const first = await loadPopupData(NOW, fakeLedger().ledger);
    expect(first.settings).toEqual(DEFAULT_SETTINGS);
    expect(first.settingsNotice).toEqual({
      problem: expect.objectContaining({ code: 'invalid' }),
      fingerprint: fingerprint(broken),
    });

    await fakeBrowser.storage.local.set({ settingsNoticeSeen: fingerprint(broken) });
    expect((await loadPopupData(NOW, fakeLedger().ledger)).settingsNotice).toBeUndefined();

    // Another unreadable value is news again.
    const newer = { schemaVersion: 3, boundaries: {} };
    await fakeBrowser.storage.sync.set({ settings: newer });
    expect((await loadPopupData(NOW, fakeLedger().ledger)).settingsNotice).toEqual({
      problem: { code: 'newer-version', version: 3 },
      fingerprint: fingerprint(newer),
    });
  });

  it('in the popup itself: the notice shows once, and not again after she dismissed it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { schemaVersion: 2, boundaries: 'nope' } });
    await fakeBrowser.storage.local.set(published(today(), { instagram: 8 * MIN }));
    const first = await mount(<PopupApp now={() => NOW} />);
    expect(first.querySelector('.total')?.textContent).toBe('8 min in all');
    expect(first.querySelector('[role="note"]')).not.toBeNull();
    await click(byRoleName(first, '[role="note"] button', 'Dismiss'));
    expect(first.querySelector('[role="note"]')).toBeNull();
    document.body.innerHTML = '';

    const again = await mount(<PopupApp now={() => NOW} />);
    expect(again.querySelector('.total')?.textContent).toBe('8 min in all');
    expect(again.querySelector('[role="note"]')).toBeNull();
  });
});

describe('popup: post detection', () => {
  it('says in plain words when a site’s post detection needs an update', async () => {
    const view = await mountPopup(data({}, { detectionStale: ['instagram'] }));
    expect(textsOf(view, '[role="note"]')).toEqual([
      'Outside the Frame can’t find posts on Instagram right now, so mute suggestions are on hold there. Time, limits and reminders carry on. An update will fix it.',
    ]);
  });
});

describe('popup: sites the browser has not allowed (Firefox grants them one by one)', () => {
  const instagram = siteOrigins(getSite('instagram') as SiteAdapter);

  it('says nothing while every switched-on site is allowed', async () => {
    const view = await mountPopup(data({}));
    expect(view.textContent).not.toContain('Nothing is counted on');
  });

  it('names a site taken back, even while the popup is open; Allow asks the browser and the note goes', async () => {
    const view = await mountPopup(data({}));
    await act(async () => {
      await fakeBrowser.permissions.remove({ origins: instagram });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(view.textContent).toContain(
      'Nothing is counted on Instagram yet: this browser hasn’t allowed Outside the Frame there.',
    );
    await click(byRoleName(view, 'button', 'Allow Outside the Frame on these sites'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(permissionsState.requests).toBe(1);
    expect(view.textContent).not.toContain('Nothing is counted on');
  });

  it('leaves out sites she switched off, and stays when the browser says no', async () => {
    permissionsState.answer = false;
    await fakeBrowser.permissions.remove({ origins: [...instagram, ...siteOrigins(getSite('x') as SiteAdapter)] });
    const settings = { ...settingsWith(), sites: { off: ['x' as const], added: [] } };
    const view = await mountPopup(data({}, { settings }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(view.textContent).toContain('Nothing is counted on Instagram yet');
    expect(view.textContent).not.toContain('Instagram, X');
    await click(byRoleName(view, 'button', 'Allow Outside the Frame on these sites'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(view.textContent).toContain('Nothing is counted on Instagram yet');
  });
});
