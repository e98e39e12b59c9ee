// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReminderSettings } from '@/components/ReminderSettings';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reminder settings', () => {
  it('offers the four choices with gentle selected by default, and says reminders rotate', async () => {
    const view = await mount(<ReminderSettings settings={DEFAULT_SETTINGS} onSave={async () => undefined} />);
    const select = view.querySelector('select');
    expect(view.querySelector('label')?.getAttribute('for')).toBe(select?.id);
    expect([...(select?.options ?? [])].map((option) => option.value)).toEqual([
      'gentle',
      'balanced',
      'frequent',
      'off',
    ]);
    expect(select?.value).toBe('gentle');
    expect(view.textContent).toContain('Reminders change so they stay fresh.');
    expect(view.querySelector(`#${select?.getAttribute('aria-describedby')}`)?.textContent).toContain('stay fresh');
  });

  it('saves a new frequency at once and announces it', async () => {
    const onSave = vi.fn(async (_settings: Settings) => undefined);
    const view = await mount(<ReminderSettings settings={DEFAULT_SETTINGS} onSave={onSave} />);
    const select = view.querySelector('select') as HTMLSelectElement;
    await act(async () => {
      select.value = 'off';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(onSave.mock.calls[0]?.[0].nudges.frequency).toBe('off');
    expect(onSave.mock.calls[0]?.[0].boundaries).toEqual(DEFAULT_SETTINGS.boundaries);
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Reminders: Off');
  });
});
