// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReminderSettings } from '@/components/ReminderSettings';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { mount } from './render';

afterEach(() => {
  document.body.innerHTML = '';
});

async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('reminder settings', () => {
  it('offers the four choices in words, with gentle selected by default, and says reminders rotate', async () => {
    const view = await mount(<ReminderSettings settings={DEFAULT_SETTINGS} onSave={async () => undefined} />);
    expect(view.querySelector('h2')?.textContent).toBe('Reminders while you scroll');
    const select = view.querySelector('select');
    const label = view.querySelector('label');
    expect(label?.getAttribute('for')).toBe(select?.id);
    expect(label?.textContent).toBe('How often');
    expect([...(select?.options ?? [])].map((option) => [option.value, option.textContent])).toEqual([
      ['gentle', 'Gentle: now and then (up to 4 a day)'],
      ['balanced', 'Balanced: a little more often (up to 8 a day)'],
      ['frequent', 'Frequent: often (up to 15 a day)'],
      ['off', 'Off'],
    ]);
    expect(select?.value).toBe('gentle');
    expect(view.querySelector(`#${select?.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Reminders change so they stay fresh.',
    );
  });

  it('shows the saved choice', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, nudges: { ...DEFAULT_SETTINGS.nudges, frequency: 'frequent' } };
    const view = await mount(<ReminderSettings settings={settings} onSave={async () => undefined} />);
    expect(view.querySelector('select')?.value).toBe('frequent');
  });

  it('saves a new frequency at once, changing nothing else, and announces it', async () => {
    const onSave = vi.fn(async (_settings: Settings) => undefined);
    const view = await mount(<ReminderSettings settings={DEFAULT_SETTINGS} onSave={onSave} />);
    await choose(view.querySelector('select') as HTMLSelectElement, 'off');
    expect(onSave).toHaveBeenCalledOnce();
    expect(onSave.mock.calls[0]?.[0]).toEqual({ ...DEFAULT_SETTINGS, nudges: { frequency: 'off' } });
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Reminders: Off');
  });

  it('announces a choice with its full words', async () => {
    const view = await mount(<ReminderSettings settings={DEFAULT_SETTINGS} onSave={async () => undefined} />);
    await choose(view.querySelector('select') as HTMLSelectElement, 'balanced');
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Reminders: Balanced: a little more often (up to 8 a day)',
    );
  });

  it('says so kindly when the choice could not be saved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onSave = vi.fn(async (_settings: Settings) => {
      throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    });
    const view = await mount(<ReminderSettings settings={DEFAULT_SETTINGS} onSave={onSave} />);
    await choose(view.querySelector('select') as HTMLSelectElement, 'frequent');
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Your boundaries could not be saved just now. Nothing was changed; please try again.',
    );
  });
});
