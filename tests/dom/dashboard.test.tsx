// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '@/components/ExportPanel';
import { DashboardApp } from '@/entrypoints/dashboard/DashboardApp';
import { dayKeyOf } from '@/utils/time/day';
import { click, mount } from './render';

const MIN = 60_000;
afterEach(() => {
  document.body.innerHTML = '';
});

const today = dayKeyOf(Date.now(), 4);
const snapshot = (ms: Record<string, number>, unreadable = 0) => ({
  dayStartHour: 4,
  snapshot: {
    days: [{ schemaVersion: 1, day: today, ms }],
    sessions: [],
    nudges: [],
    unreadable: Array.from({ length: unreadable }, (_, i) => ({ key: `day/bad-${i}`, reason: 'x', at: 0, value: i })),
  },
});

describe('dashboard', () => {
  it('shows the last 7 days as a table with a column per site', async () => {
    const view = await mount(<DashboardApp load={async () => snapshot({ instagram: 12 * MIN, tiktok: 3 * MIN })} />);
    const table = view.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBe('The last 7 days');
    const headers = [...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent);
    expect(headers).toEqual(['Day', 'Instagram', 'TikTok', 'Total']);
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(7);
    const lastRow = [...(table?.querySelectorAll('tbody tr:last-child td') ?? [])].map((td) => td.textContent);
    expect(lastRow).toEqual(['12 min', '3 min', '15 min']);
  });

  it('explains the empty state before any time is counted', async () => {
    const view = await mount(<DashboardApp load={async () => snapshot({})} />);
    expect(view.querySelector('table')).toBeNull();
    expect(view.textContent).toContain('Nothing counted yet.');
  });

  it('tells her when some records could not be read and that they are kept', async () => {
    const view = await mount(<DashboardApp load={async () => snapshot({ x: MIN }, 2)} />);
    expect(view.querySelector('[role="note"]')?.textContent).toBe(
      '2 stored records could not be read. They are kept aside, unchanged, and included in your export.',
    );
  });
});

describe('export panel', () => {
  it('runs the export from the "Export data" button and announces the file', async () => {
    const onExport = vi.fn(async () => 'outside-the-frame-2026-11-22.json');
    const view = await mount(<ExportPanel onExport={onExport} />);
    const button = [...view.querySelectorAll('button')].find((b) => b.textContent === 'Export data');
    await click(button);
    expect(onExport).toHaveBeenCalledOnce();
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Your data was saved as outside-the-frame-2026-11-22.json.',
    );
  });

  it('says what went wrong and that nothing changed', async () => {
    const view = await mount(
      <ExportPanel
        onExport={async () => {
          throw new Error('storage is unavailable');
        }}
      />,
    );
    await click(view.querySelector('button'));
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'The export could not be made: storage is unavailable. Nothing was changed.',
    );
  });
});
