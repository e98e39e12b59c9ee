// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPanel } from '@/components/ImportPanel';
import { buildExport } from '@/utils/storage/exportData';
import { readImport } from '@/utils/storage/importData';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import { byRoleName, click, mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

const EMPTY = { days: [], sessions: [], nudges: [], exposure: [], journal: [], checkIns: [], unreadable: [] };

async function choose(view: HTMLElement, content: string) {
  const input = view.querySelector<HTMLInputElement>('#import-file');
  if (!input) throw new Error('no file field');
  const file = new File([content], 'export.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

describe('import panel', () => {
  it('shows what a file holds before anything changes, and imports by merging unless she chooses replace', async () => {
    const apply = vi.fn(async () => ({
      ok: true as const,
      summary: { days: 0, sessions: 0, entries: 0, checkIns: 0, reminders: 0, accounts: 0, settings: true },
    }));
    const onImported = vi.fn();
    const view = await mount(<ImportPanel read={(text) => readImport(text)} apply={apply} onImported={onImported} />);
    const text = JSON.stringify(buildExport(EMPTY, new Date(), null, DEFAULT_SETTINGS));
    await choose(view, text);
    expect(view.textContent).toContain('This file holds: days with time, 0; sessions, 0; journal entries, 0;');
    expect(view.textContent).toContain('It holds your settings and boundaries too.');
    expect(apply).not.toHaveBeenCalled();
    await click(byRoleName(view, 'button', 'Import'));
    expect(apply).toHaveBeenCalledWith(text, 'merge');
    expect(view.querySelector('[role="status"]')?.textContent).toContain('Imported.');
    expect(onImported).toHaveBeenCalled();
  });

  it('says what is wrong with a bad file and offers no import', async () => {
    const apply = vi.fn();
    const view = await mount(<ImportPanel read={(text) => readImport(text)} apply={apply} />);
    await choose(view, '{"format": "outside-the-frame", "schemaVersion": 9}');
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'This file comes from a newer version of Outside the Frame (format 9). Update the extension, then import it. Nothing was changed.',
    );
    expect(byRoleName(view, 'button', 'Import')).toBeUndefined();
    await choose(view, '{"notes": []}');
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'This isn’t an Outside the Frame export. Nothing was changed.',
    );
  });
});
