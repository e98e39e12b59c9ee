// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExportPanel } from '@/components/ExportPanel';
import { resetFormatters } from '@/components/text/format';
import { DashboardApp, type DashboardData, loadDashboard, loadInsights } from '@/entrypoints/dashboard/DashboardApp';
import { keptAsideEntry } from '@/utils/storage/keptAside';
import { type DayRecords, LedgerStore } from '@/utils/storage/ledgerStore';
import type { DayTotalsRecord } from '@/utils/storage/records';
import { DEFAULT_SETTINGS, defaultSettings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { useTimeZone } from '../helpers/timeZone';
import { byRoleName, click, mount } from './render';

const MIN = 60_000;
/** Sunday 22 November 2026, noon UTC. */
const NOW = Date.UTC(2026, 10, 22, 12, 0);
const WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];

useTimeZone('UTC');

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  resetFormatters();
});

afterEach(() => {
  // Unmount, so nothing a page started keeps running into the next test.
  for (const container of document.body.querySelectorAll(':scope > div')) render(null, container);
  document.body.innerHTML = '';
});

function week(totals: Record<string, Record<string, number>>, unreadable = 0): DashboardData {
  return { days: WEEK, totals: new Map(Object.entries(totals)), unreadable };
}

const cells = (row: Element | null | undefined) =>
  [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent);

describe('dashboard', () => {
  it('shows the last 7 days as a table, oldest first, with a column per site', async () => {
    const view = await mount(
      <DashboardApp
        load={async () =>
          week({ '2026-11-18': { reddit: 30_000 }, '2026-11-22': { instagram: 12 * MIN, tiktok: 65 * MIN } })
        }
      />,
    );
    expect(view.querySelector('h1')?.textContent).toBe('Your time on feeds');
    const table = view.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBe('The last 7 days');
    expect(cells(table?.querySelector('thead tr'))).toEqual(['Day', 'Instagram', 'Reddit', 'TikTok', 'Total']);
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((row) => row.querySelector('th time')?.getAttribute('datetime'))).toEqual(WEEK);
    expect(cells(rows[0])).toEqual(['Mon, Nov 16', '0 min', '0 min', '0 min', '0 min']);
    expect(cells(rows[2])).toEqual(['Wed, Nov 18', '0 min', 'under 1 min', '0 min', 'under 1 min']);
    expect(cells(rows[6])).toEqual(['Sun, Nov 22', '12 min', '0 min', '1 h 5 min', '1 h 17 min']);
    expect(table?.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
  });

  it('explains the empty state before any time is counted', async () => {
    const view = await mount(<DashboardApp load={async () => week({})} />);
    expect(view.querySelector('table')).toBeNull();
    expect(view.textContent).toContain('Nothing counted yet. Time appears here after you spend a moment on a feed.');
  });

  it('links to the first-run page, to go through it again, and to the privacy policy', async () => {
    const view = await mount(<DashboardApp load={async () => week({})} />);
    const link = byRoleName(view, 'a', 'Getting started again');
    expect(link?.getAttribute('href')).toBe('/welcome.html');
    expect(byRoleName(view, 'a', 'Privacy policy')?.getAttribute('href')).toBe('/privacy.html');
  });

  it('counts a week of zeroes as nothing counted', async () => {
    const view = await mount(<DashboardApp load={async () => week({ '2026-11-20': { x: 0 } })} />);
    expect(view.querySelector('table')).toBeNull();
    expect(view.textContent).toContain('Nothing counted yet.');
  });

  it.each([
    [
      2,
      '2 saved items couldn’t be read, perhaps because a newer version wrote them. Nothing is lost: they are kept as they were and go into your export.',
    ],
    [
      1234,
      '1,234 saved items couldn’t be read, perhaps because a newer version wrote them. Nothing is lost: they are kept as they were and go into your export.',
    ],
  ])('tells her when %s records could not be read and that they are kept', async (unreadable, text) => {
    const view = await mount(<DashboardApp load={async () => week({ '2026-11-22': { x: MIN } }, unreadable)} />);
    expect(view.querySelector('[role="note"]')?.textContent).toBe(text);
  });

  it('has no such note when everything could be read', async () => {
    const view = await mount(<DashboardApp load={async () => week({ '2026-11-22': { x: MIN } })} />);
    expect(view.querySelector('[role="note"]')).toBeNull();
  });

  it('says plainly when the data could not be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = await mount(
      <DashboardApp
        load={async () => {
          throw new Error('QuotaExceededError');
        }}
      />,
    );
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'Your data could not be read just now. Nothing was changed; try reopening this page.',
    );
    expect(view.textContent).not.toContain('QuotaExceededError');
    expect(view.querySelector('table')).toBeNull();
  });

  it('with its own loader, shows what the ledger holds today and counts what is kept aside', async () => {
    const ledger = new LedgerStore();
    await ledger.deleteAll();
    const today = dayKeyOf(Date.now(), 4);
    await ledger.importRecords([[`day/${today}`, { schemaVersion: 1, day: today, ms: { instagram: 12 * MIN } }]]);
    await ledger.keepAside(keptAsideEntry('sync:settings', { broken: true }, { code: 'not-a-record' }, NOW));
    const view = await mount(<DashboardApp />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The chart first; its table one click away.
    expect(view.querySelector('svg[role="img"] title')?.textContent).toBe('Minutes on feeds per day, the last 7 days');
    expect(view.querySelector('.chart-hit:last-child')?.getAttribute('aria-label')).toMatch(
      /Instagram 12 min; 12 min in all\.$/,
    );
    await click(byRoleName(view, 'button', 'Show as a table'));
    const rows = [...view.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(7);
    expect(rows.at(-1)?.querySelector('time')?.getAttribute('datetime')).toBe(today);
    expect(cells(rows.at(-1)).slice(1)).toEqual(['12 min', '12 min']);
    expect(view.querySelector('[role="note"]')?.textContent).toBe(
      '1 saved items couldn’t be read, perhaps because a newer version wrote them. Nothing is lost: they are kept as they were and go into your export.',
    );
  });

  it('reads once when it opens with its own loader (no reading again on every render)', async () => {
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const view = await mount(<DashboardApp />);
    // Give a re-reading page time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(view.querySelector('h1')?.textContent).toBe('Your time on feeds');
    expect(sync).toHaveBeenCalledOnce();
  });
});

describe('loadDashboard', () => {
  function fakeLedger(records: Record<string, Record<string, number>>, unreadableInRange = 0, keptAside = 0) {
    const readRange = vi.fn(
      async (type: string, _from: string, _to: string): Promise<DayRecords<DayTotalsRecord>> => ({
        records: new Map(
          type === 'day'
            ? Object.entries(records).map(([day, ms]) => [day, { schemaVersion: 1 as const, day, ms }])
            : [],
        ),
        unreadable: Array.from({ length: type === 'day' ? unreadableInRange : 0 }, (_, index) => ({
          key: `day/bad-${index}`,
          reason: 'invalid',
          at: 0,
          value: index,
        })),
      }),
    );
    const keptAsideCount = vi.fn(async () => keptAside);
    return { ledger: { readRange, keptAsideCount } as unknown as LedgerStore, readRange, keptAsideCount };
  }

  it('reads the last 90 days as one key range (the week is its end), and counts kept-aside and unreadable values', async () => {
    const { ledger, readRange, keptAsideCount } = fakeLedger({ '2026-11-20': { instagram: 5 * MIN } }, 2, 3);
    const data = await loadDashboard(ledger, NOW);
    expect(data.days).toEqual(WEEK);
    // One key range for the chart and the week; never the whole database.
    expect(readRange).toHaveBeenCalledExactlyOnceWith('day', '2026-08-25', '2026-11-22');
    expect(keptAsideCount).toHaveBeenCalledOnce();
    expect([...data.totals]).toEqual([['2026-11-20', { instagram: 5 * MIN }]]);
    expect(data.unreadable).toBe(5);
  });

  it('ends the week at the day her settings say it is', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.tracking.dayStartHour = 6;
    await fakeBrowser.storage.sync.set({ settings });
    const { ledger, readRange } = fakeLedger({});
    // 05:00 on the 22nd is still the 21st for a day that starts at 06:00.
    const data = await loadDashboard(ledger, Date.UTC(2026, 10, 22, 5, 0));
    expect(data.days.at(-1)).toBe('2026-11-21');
    expect(data.days).toHaveLength(7);
    expect(readRange).toHaveBeenCalledExactlyOnceWith('day', '2026-08-24', '2026-11-21');
    expect(data.unreadable).toBe(0);
  });
});

describe('export panel', () => {
  it('runs the export from the "Export data" button and announces the file', async () => {
    const onExport = vi.fn(async () => 'outside-the-frame-2026-11-22.json');
    const view = await mount(<ExportPanel onExport={onExport} />);
    expect(view.querySelector('h2')?.textContent).toBe('Your data');
    const button = [...view.querySelectorAll('button')].find((b) => b.textContent === 'Export data');
    await click(button);
    expect(onExport).toHaveBeenCalledOnce();
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Your data was saved as outside-the-frame-2026-11-22.json.',
    );
    expect(button?.disabled).toBe(false);
  });

  it('says that nothing changed when the export fails, and lets her try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onExport = vi.fn(async (): Promise<string> => {
      throw new Error('storage is unavailable');
    });
    const view = await mount(<ExportPanel onExport={onExport} />);
    await click(view.querySelector('button'));
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'The export could not be made just now. Nothing was changed; please try again.',
    );
    expect(view.querySelector('button')?.disabled).toBe(false);
    await click(view.querySelector('button'));
    expect(onExport).toHaveBeenCalledTimes(2);
  });
});

describe('dashboard: post detection', () => {
  it('says in plain words when a site’s post detection needs an update', async () => {
    const view = await mount(<DashboardApp load={async () => ({ ...week({}), detectionStale: ['reddit'] })} />);
    expect(view.querySelector('[role="note"]')?.textContent).toBe(
      'Outside the Frame can’t find posts on Reddit right now, so mute suggestions are on hold there. Time, limits and reminders carry on. An update will fix it.',
    );
  });

  it('reads it with its own loader', async () => {
    await fakeBrowser.storage.local.set({ postDetectionStale: { x: NOW } });
    const data = await loadDashboard(new LedgerStore(), NOW);
    expect(data.detectionStale).toEqual(['x']);
  });
});

describe('dashboard: reminders and comparison-trap posts', () => {
  it('reads 12 weeks of reminders and 30 days of exposure, and draws both charts', async () => {
    const ledger = new LedgerStore();
    await ledger.deleteAll();
    const nudge = (id: string, outcome?: string) => ({
      id,
      reminderId: 'r',
      tag: 't',
      site: 'instagram',
      shownAt: NOW,
      ...(outcome ? { outcome } : {}),
    });
    await ledger.importRecords([
      ['nudges/2026-11-22', { schemaVersion: 1, day: '2026-11-22', nudges: [nudge('a', 'helped'), nudge('b')] }],
      ['nudges/2026-11-15', { schemaVersion: 1, day: '2026-11-15', nudges: [nudge('c', 'ignored')] }],
      // Older than 12 weeks: not in the chart.
      ['nudges/2026-08-29', { schemaVersion: 1, day: '2026-08-29', nudges: [nudge('d', 'helped')] }],
      [
        'exposure/2026-11-20',
        {
          schemaVersion: 1,
          day: '2026-11-20',
          accounts: [
            {
              site: 'instagram',
              handle: 'maple',
              trapPosts: 5,
              seconds: 20,
              lastSeen: NOW,
              themes: { 'spotless-home': 5 },
            },
          ],
        },
      ],
    ]);
    const data = await loadDashboard(ledger, NOW);
    const looked = await loadInsights(data, ledger, NOW);
    expect(looked.reminders).toHaveLength(12);
    expect(looked.reminders.at(-1)).toEqual({ from: '2026-11-16', shown: 2, helped: 1 });
    expect(looked.reminders.at(-2)).toEqual({ from: '2026-11-09', shown: 1, helped: 0 });
    expect(looked.reminders.reduce((sum, week) => sum + week.helped, 0)).toBe(1);
    expect(looked.trapAccounts).toEqual([{ site: 'instagram', handle: 'maple', posts: 5 }]);
    expect(looked.trapThemes).toEqual([{ theme: 'spotless-home', posts: 5 }]);
  });

  it('holds the full boundary editor (where the popup’s “Edit boundaries” leads) and the reminder settings', async () => {
    const view = await mount(<DashboardApp load={async () => ({ ...week({}), settings: defaultSettings() })} />);
    await vi.waitFor(() => expect(view.querySelector('#boundaries #boundaries-heading')).not.toBeNull(), {
      timeout: 3_000,
    });
    expect(view.querySelector('#reminder-settings-heading')?.textContent).toBe('Reminders while you scroll');
    expect(view.querySelector('#reminder-frequency')).not.toBeNull();
  });

  it('says kindly when there are no reminders or comparison-trap posts yet', async () => {
    await new LedgerStore().deleteAll();
    const data = week({ '2026-11-20': { instagram: 5 * MIN } });
    data.chart = WEEK.map((day) => ({ day, label: day, totals: data.totals.get(day) ?? {} }));
    const view = await mount(<DashboardApp load={async () => data} />);
    await vi.waitFor(() => expect(view.querySelector('#reminders-heading')?.textContent).toBe('Reminders'));
    expect(view.querySelector('#reminders-heading')?.parentElement?.textContent).toContain(
      'No reminders in the last 12 weeks.',
    );
    expect(view.querySelector('#trap-heading')?.parentElement?.textContent).toContain(
      'Nothing that looked like a comparison trap in the last 30 days.',
    );
  });
});

describe('dashboard: sites she added', () => {
  it('names a site she added as she named it, and one she removed by its domain', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.sites.added.push({ id: 'site:example.org', domain: 'example.org', name: 'Example news', addedAt: 1 });
    const totals = { 'site:example.org': 4 * MIN, 'site:gone.example': 2 * MIN };
    const data: DashboardData = {
      ...week({ '2026-11-22': totals }),
      settings,
      chart: WEEK.map((day) => ({ day, label: day, totals: day === '2026-11-22' ? totals : {} })),
    };
    const view = await mount(<DashboardApp load={async () => data} />);
    expect(view.querySelector('.chart-hit:last-child')?.getAttribute('aria-label')).toBe(
      '2026-11-22: Example news 4 min, gone.example 2 min; 6 min in all.',
    );
  });
});
