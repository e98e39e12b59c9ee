// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '@/components/ExportPanel';
import { byRoleName, click, mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('your data: delete all', () => {
  it('asks first, saying what goes, with Keep focused; Keep deletes nothing', async () => {
    const onDeleteAll = vi.fn(async () => true);
    const view = await mount(<ExportPanel onExport={async () => 'file.json'} onDeleteAll={onDeleteAll} />);
    await click(byRoleName(view, 'button', 'Delete all data'));
    expect(view.querySelector('legend')?.textContent).toBe('Delete everything Outside the Frame keeps on this device?');
    expect(view.textContent).toContain('your journal entries and reflections');
    expect(view.textContent).toContain('It can’t be undone.');
    expect(document.activeElement?.textContent).toBe('Keep my data');
    await click(byRoleName(view, 'button', 'Keep my data'));
    expect(onDeleteAll).not.toHaveBeenCalled();
  });

  it('deletes on confirmation and says so; a failure is said too', async () => {
    const onDeleteAll = vi.fn(async () => true);
    let view = await mount(<ExportPanel onExport={async () => 'file.json'} onDeleteAll={onDeleteAll} />);
    await click(byRoleName(view, 'button', 'Delete all data'));
    await click(byRoleName(view, 'button', 'Delete everything'));
    expect(onDeleteAll).toHaveBeenCalledOnce();
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Everything is deleted. Outside the Frame is as it was when you installed it.',
    );
    document.body.innerHTML = '';
    view = await mount(<ExportPanel onExport={async () => 'file.json'} onDeleteAll={async () => false} />);
    await click(byRoleName(view, 'button', 'Delete all data'));
    await click(byRoleName(view, 'button', 'Delete everything'));
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'That didn’t finish just now. Try again in a moment.',
    );
  });
});
