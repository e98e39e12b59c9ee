// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundarySettingsForm } from '@/components/BoundarySettingsForm';
import { resetFormatters } from '@/components/text/format';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage/settings';
import { byRoleName, click, mount } from './render';

/** What she reads next to a field (public/_locales/en/messages.json). */
const WORDS = {
  limitRange: 'A limit is between 1 and 1,440 minutes.',
  limitWhole: 'A limit is a whole number of minutes.',
  noDays: 'Pick at least one day for this feed-free time.',
  sameStartEnd: 'A feed-free time needs a start and an end that differ.',
  warningPercent: 'The warning comes at 50% to 95% of a limit.',
  saved: 'Saved. These are your boundaries now.',
  fixFirst: 'A few fields need a look before saving. Nothing was changed yet.',
  saveFailed: 'Your boundaries could not be saved just now. Nothing was changed; please try again.',
};

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  resetFormatters();
});

afterEach(() => {
  document.body.innerHTML = '';
});

function settingsWith(boundaries: Partial<Settings['boundaries']> = {}): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.boundaries = { ...settings.boundaries, ...boundaries };
  return settings;
}

async function setup(settings = settingsWith()) {
  const save = vi.fn(async (_settings: Settings) => {});
  const view = await mount(<BoundarySettingsForm settings={settings} onSave={save} />);
  return { view, save };
}

/** The settings passed to the `index`-th save. */
function savedAt(save: { mock: { calls: unknown[][] } }, index = 0): Settings {
  const settings = save.mock.calls[index]?.[0];
  if (!settings) throw new Error(`No save number ${index + 1}`);
  return settings as Settings;
}

async function type(element: Element | null | undefined, value: string) {
  if (!(element instanceof HTMLInputElement)) throw new Error('Not an input');
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const input = (view: HTMLElement, id: string) => view.querySelector<HTMLInputElement>(`#${id}`);
const saveButton = (view: HTMLElement) => view.querySelector<HTMLButtonElement>('button[type="submit"]');
const status = (view: HTMLElement) => view.querySelector('[role="status"]')?.textContent;

/** The text of the elements an element's aria-describedby points at. */
function description(view: HTMLElement, element: Element | null | undefined): string {
  return (element?.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => view.querySelector(`#${id}`)?.textContent ?? '')
    .join(' | ');
}

/** Accessible name, roughly as a screen reader finds it (aria-label, label[for], wrapping label). */
function accessibleName(view: HTMLElement, element: HTMLElement): string {
  const aria = element.getAttribute('aria-label');
  if (aria) return aria;
  if (element.id) {
    const label = view.querySelector(`label[for="${element.id}"]`);
    if (label?.textContent?.trim()) return label.textContent.trim();
  }
  const wrapping = element.closest('label');
  if (wrapping?.textContent?.trim()) return wrapping.textContent.trim();
  if (element instanceof HTMLButtonElement || element.tagName === 'SUMMARY') return element.textContent?.trim() ?? '';
  return '';
}

describe('boundary settings form: the overall limit', () => {
  it('suggests 30 minutes when first switched on, and saves it', async () => {
    const { view, save } = await setup();
    expect(input(view, 'daily-minutes')).toBeNull();
    await click(input(view, 'daily-on'));
    expect(input(view, 'daily-minutes')?.value).toBe('30');
    expect(description(view, input(view, 'daily-minutes'))).toBe('30 minutes in all is a gentle place to start.');
    await click(saveButton(view));
    expect(save).toHaveBeenCalledTimes(1);
    const saved = save.mock.calls[0]?.[0] as Settings;
    expect(saved.boundaries.dailyLimitMinutes).toBe(30);
    expect(saved).toEqual(settingsWith({ dailyLimitMinutes: 30 }));
    expect(status(view)).toBe(WORDS.saved);
  });

  it.each([
    ['0', WORDS.limitRange],
    ['1441', WORDS.limitRange],
    ['', WORDS.limitRange],
    ['12.5', WORDS.limitWhole],
  ])('a daily limit of "%s" shows “%s” next to it and blocks Save', async (value, message) => {
    const { view, save } = await setup(settingsWith({ dailyLimitMinutes: 30 }));
    const field = input(view, 'daily-minutes');
    await type(field, value);
    expect(field?.getAttribute('aria-invalid')).toBe('true');
    expect(description(view, field)).toContain(message);
    await click(saveButton(view));
    expect(save).not.toHaveBeenCalled();
    expect(status(view)).toBe(WORDS.fixFirst);
    expect(document.activeElement).toBe(field);
  });

  it('switching the daily limit off saves no limit', async () => {
    const { view, save } = await setup(settingsWith({ dailyLimitMinutes: 45 }));
    await click(input(view, 'daily-on'));
    await click(saveButton(view));
    expect(savedAt(save, 0).boundaries.dailyLimitMinutes).toBeNull();
  });
});

describe('boundary settings form: per-site limits', () => {
  it('has a row per built-in site; an empty box means no limit', async () => {
    const { view, save } = await setup(settingsWith({ siteLimits: { instagram: 20 } }));
    expect([...view.querySelectorAll('.site-limit-row label')].map((label) => label.textContent)).toEqual([
      'Instagram',
      'Facebook',
      'TikTok',
      'Pinterest',
      'X',
      'YouTube',
      'Reddit',
      'Threads',
      'LinkedIn',
      'Bluesky',
    ]);
    expect(input(view, 'limit-tiktok')?.placeholder).toBe('No limit');
    expect(input(view, 'limit-instagram')?.value).toBe('20');
    expect(input(view, 'limit-tiktok')?.value).toBe('');
    await type(input(view, 'limit-instagram'), '');
    await type(input(view, 'limit-tiktok'), '15');
    await click(saveButton(view));
    expect(savedAt(save, 0).boundaries.siteLimits).toEqual({ tiktok: 15 });
  });

  it('−5 on Instagram saves at once with 5 minutes less, and announces it', async () => {
    const { view, save } = await setup(settingsWith({ siteLimits: { instagram: 30 }, dailyLimitMinutes: 60 }));
    await click(byRoleName(view, 'button', 'Lower Instagram limit by 5 minutes'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toEqual(settingsWith({ siteLimits: { instagram: 25 }, dailyLimitMinutes: 60 }));
    expect(input(view, 'limit-instagram')?.value).toBe('25');
    expect(status(view)).toBe('Instagram limit: 25 minutes');
    await click(byRoleName(view, 'button', 'Lower Instagram limit by 5 minutes'));
    expect(savedAt(save, 1).boundaries.siteLimits.instagram).toBe(20);
  });

  it('never goes below 1 minute: −5 stops at 1 and is then off (clearing the box removes the limit)', async () => {
    const { view, save } = await setup(settingsWith({ siteLimits: { instagram: 3 } }));
    const lower = byRoleName(view, 'button', 'Lower Instagram limit by 5 minutes') as HTMLButtonElement;
    await click(lower);
    expect(savedAt(save, 0).boundaries.siteLimits.instagram).toBe(1);
    expect(lower.disabled).toBe(true);
    expect(description(view, input(view, 'limit-instagram'))).toContain(
      'Leave a box empty for no limit. The lowest limit is 1 minute.',
    );
  });

  it('−5 is off without a limit; +5 starts one', async () => {
    const { view, save } = await setup();
    const lower = byRoleName(view, 'button', 'Lower TikTok limit by 5 minutes') as HTMLButtonElement;
    expect(lower.disabled).toBe(true);
    await click(byRoleName(view, 'button', 'Raise TikTok limit by 5 minutes'));
    expect(savedAt(save, 0).boundaries.siteLimits).toEqual({ tiktok: 5 });
  });

  it('a quick step saves only that change, never half-typed edits elsewhere', async () => {
    const { view, save } = await setup(settingsWith({ siteLimits: { instagram: 30 } }));
    await type(input(view, 'warning-percent'), '20');
    await click(byRoleName(view, 'button', 'Lower Instagram limit by 5 minutes'));
    expect(save.mock.calls[0]?.[0]).toEqual(settingsWith({ siteLimits: { instagram: 25 } }));
    expect(input(view, 'warning-percent')?.value).toBe('20');
  });

  it('an invalid site limit is explained next to its row', async () => {
    const { view, save } = await setup();
    await type(input(view, 'limit-reddit'), '0');
    expect(input(view, 'limit-reddit')?.getAttribute('aria-invalid')).toBe('true');
    expect(view.querySelector('[data-site="reddit"] .field-error')?.textContent).toBe(WORDS.limitRange);
    await click(saveButton(view));
    expect(save).not.toHaveBeenCalled();
  });

  it('tells her when a save fails, kindly', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const save = vi.fn(async () => {
      throw new Error('quota');
    });
    const view = await mount(<BoundarySettingsForm settings={settingsWith({ siteLimits: { x: 20 } })} onSave={save} />);
    await click(byRoleName(view, 'button', 'Lower X limit by 5 minutes'));
    expect(status(view)).toBe(WORDS.saveFailed);
  });
});

describe('boundary settings form: feed-free times', () => {
  const bedtime = { id: 'bed', start: '19:00', end: '20:00', days: [1, 2, 3, 4, 5], label: 'Bedtime routine' };

  it('adds a feed-free time and saves it', async () => {
    const { view, save } = await setup();
    expect(view.textContent).toContain('No feed-free times yet.');
    await click(byRoleName(view, 'button', 'Add feed-free time'));
    const windowSet = view.querySelector('fieldset.window');
    expect(windowSet?.querySelector('legend')?.textContent).toBe('Feed-free time 1');
    await type(input(view, 'ff-0-start'), '21:00');
    await type(input(view, 'ff-0-end'), '22:30');
    await type(input(view, 'ff-0-label'), 'Evening');
    await click(saveButton(view));
    const saved = savedAt(save, 0).boundaries.feedFreeWindows;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ start: '21:00', end: '22:30', days: [0, 1, 2, 3, 4, 5, 6], label: 'Evening' });
  });

  it('a time with no days, or the same start and end, is explained and blocks Save', async () => {
    const { view, save } = await setup(settingsWith({ feedFreeWindows: [bedtime] }));
    const days = [...view.querySelectorAll<HTMLInputElement>('fieldset.days input[type="checkbox"]')];
    expect(days).toHaveLength(7);
    for (const day of days.filter((box) => box.checked)) await click(day);
    const dayset = view.querySelector('fieldset.days');
    expect(dayset?.getAttribute('aria-invalid')).toBe('true');
    expect(description(view, dayset)).toBe(WORDS.noDays);
    await type(input(view, 'ff-0-end'), '19:00');
    expect(description(view, input(view, 'ff-0-end'))).toBe(WORDS.sameStartEnd);
    await click(saveButton(view));
    expect(save).not.toHaveBeenCalled();
    // Fixing both lets it save.
    await click(days[3]);
    await type(input(view, 'ff-0-end'), '20:00');
    expect(view.querySelector('[aria-invalid="true"]')).toBeNull();
    await click(saveButton(view));
    expect(savedAt(save, 0).boundaries.feedFreeWindows[0]?.days).toEqual([3]);
  });

  it('removes a feed-free time', async () => {
    const { view, save } = await setup(settingsWith({ feedFreeWindows: [bedtime] }));
    await click(byRoleName(view, 'button', 'Remove feed-free time 1'));
    expect(view.querySelector('fieldset.window')).toBeNull();
    await click(saveButton(view));
    expect(savedAt(save, 0).boundaries.feedFreeWindows).toEqual([]);
  });

  it('stops at 12 feed-free times and says why', async () => {
    const windows = Array.from({ length: 11 }, (_, index) => ({
      id: `w${index}`,
      start: `${String(index).padStart(2, '0')}:00`,
      end: `${String(index).padStart(2, '0')}:30`,
      days: [1],
      label: '',
    }));
    const { view, save } = await setup(settingsWith({ feedFreeWindows: windows }));
    const add = byRoleName(view, 'button', 'Add feed-free time') as HTMLButtonElement;
    expect(add.disabled).toBe(false);
    expect(add.hasAttribute('aria-describedby')).toBe(false);
    await click(add);
    expect(view.querySelectorAll('fieldset.window')).toHaveLength(12);
    expect(view.querySelector('fieldset.window:last-of-type legend')?.textContent).toBe('Feed-free time 12');
    expect(add.disabled).toBe(true);
    expect(description(view, add)).toBe('You can have up to 12 feed-free times.');
    await click(add);
    expect(view.querySelectorAll('fieldset.window')).toHaveLength(12);
    // The twelfth is a real one: it saves.
    await click(saveButton(view));
    expect(savedAt(save, 0).boundaries.feedFreeWindows).toHaveLength(12);
  });

  it('merges overlapping feed-free times on save, says so and shows the result', async () => {
    const { view, save } = await setup(
      settingsWith({
        feedFreeWindows: [bedtime, { id: 'bath', start: '19:30', end: '21:00', days: [1], label: 'Bath' }],
      }),
    );
    await click(saveButton(view));
    const saved = savedAt(save, 0).boundaries.feedFreeWindows;
    expect(saved).toEqual([
      { id: 'bed', start: '19:00', end: '20:00', days: [2, 3, 4, 5], label: 'Bedtime routine' },
      { id: 'bath', start: '19:00', end: '21:00', days: [1], label: 'Bedtime routine' },
    ]);
    expect(status(view)).toBe('Overlapping feed-free times were merged.');
    const result = [...view.querySelectorAll('ul[aria-label="Your feed-free times now"] li')].map(
      (li) => li.textContent,
    );
    expect(result).toEqual(['19:00–20:00 Bedtime routine', '19:00–21:00 Bedtime routine']);
    // The editor now shows the merged times.
    expect(view.querySelectorAll('fieldset.window')).toHaveLength(2);
    expect(input(view, 'ff-1-end')?.value).toBe('21:00');
  });
});

describe('boundary settings form: the rest', () => {
  it('saves the warning point, extra minutes and times a day, and the “More” settings', async () => {
    const { view, save } = await setup();
    await type(input(view, 'warning-percent'), '70');
    await type(input(view, 'extra-minutes'), '3');
    await type(input(view, 'extensions-per-day'), '1');
    expect(view.querySelector('details.more summary')?.textContent).toBe('More');
    await type(input(view, 'day-start-hour'), '5');
    await type(input(view, 'idle-seconds'), '90');
    await click(saveButton(view));
    const saved = save.mock.calls[0]?.[0] as Settings;
    expect(saved.boundaries).toMatchObject({ warningPercent: 70, extraMinutes: 3, extensionsPerDay: 1 });
    expect(saved.tracking).toEqual({ dayStartHour: 5, idleThresholdSeconds: 90 });
  });

  it('explains out-of-range values in plain words next to them, and opens “More” when one is there', async () => {
    const { view, save } = await setup();
    await type(input(view, 'warning-percent'), '99');
    expect(description(view, input(view, 'warning-percent'))).toBe(WORDS.warningPercent);
    await type(input(view, 'idle-seconds'), '5');
    expect(description(view, input(view, 'idle-seconds'))).toBe('The idle time is between 10 seconds and 30 minutes.');
    expect(view.querySelector<HTMLDetailsElement>('details.more')?.open).toBe(true);
    await click(saveButton(view));
    expect(save).not.toHaveBeenCalled();
  });

  it('gives every control a name (keyboard and screen reader)', async () => {
    const { view } = await setup(
      settingsWith({
        dailyLimitMinutes: 30,
        feedFreeWindows: [{ id: 'bed', start: '19:00', end: '20:00', days: [1], label: '' }],
      }),
    );
    const controls = [...view.querySelectorAll<HTMLElement>('input, button, select, textarea, summary')];
    expect(controls.length).toBeGreaterThan(40);
    const unnamed = controls
      .filter((control) => accessibleName(view, control) === '')
      .map((control) => control.outerHTML);
    expect(unnamed).toEqual([]);
    // Labels are real: every label[for] points at a control.
    for (const label of view.querySelectorAll('label[for]')) {
      expect(view.querySelector(`#${label.getAttribute('for')}`)).not.toBeNull();
    }
    // Nothing takes itself out of the tab order.
    expect(view.querySelector('[tabindex="-1"]')).toBeNull();
    expect(view.querySelector('form')?.getAttribute('aria-labelledby')).toBe('boundaries-heading');
  });
});
