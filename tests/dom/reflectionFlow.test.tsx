// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReflectionFlow, type ReflectionFlowProps } from '@/components/ReflectionFlow';
import { resetFormatters } from '@/components/text/format';
import type { ReflectionContext } from '@/utils/journal/reflection';
import type { ReflectionReply } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import { useTimeZone } from '../helpers/timeZone';
import { byRoleName, click, mount } from './render';

/** Friday 4 December 2026, 21:00 UTC: an evening. */
const NOW = Date.UTC(2026, 11, 4, 21, 0);

useTimeZone('UTC');
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const context = (patch: Partial<ReflectionContext> = {}): ReflectionContext => ({
  site: { id: 'instagram', name: 'Instagram' },
  siteMinutesToday: 22,
  hour: 21,
  dayStartHour: 4,
  boundaries: { ...structuredClone(DEFAULT_SETTINGS.boundaries), siteLimits: { instagram: 15 } },
  topAccounts: [{ handle: 'tidy', name: 'Tidy Corner', trapPosts: 4 }],
  ...patch,
});

const savedReply = (applied: Extract<ReflectionReply, { ok: true }>['applied']): ReflectionReply => ({
  ok: true,
  entry: { id: 'e1', day: '2026-12-04', at: NOW, text: '' },
  applied,
});

function setUp(overrides: Partial<ReflectionFlowProps> = {}) {
  const props: ReflectionFlowProps = {
    context: context(),
    now: () => NOW,
    save: vi.fn(async () => savedReply(null)),
    undo: vi.fn(async () => true),
    onDone: vi.fn(),
    ...overrides,
  };
  return { props, mounted: mount(<ReflectionFlow {...props} />) };
}

const buttons = (view: HTMLElement, selector = 'button') =>
  [...view.querySelectorAll<HTMLButtonElement>(selector)].map((button) => button.textContent);

describe('reflection: one click', () => {
  it('opens on its heading with ready-made reflections chosen from the moment', async () => {
    const view = await setUp().mounted;
    expect(document.activeElement?.textContent).toBe('A moment to reflect');
    expect(buttons(view, '.reflect-ready-choice')).toEqual([
      'I keep comparing myself → Hide Tidy Corner on this device',
      'I’m running on empty → Keep feeds closed for the rest of today, until tomorrow at 04:00',
      'This is taking more time than I want → Instagram: 10 minutes a day instead of 15',
    ]);
  });

  it('one click saves the entry with its boundary, says what was done, and offers undo', async () => {
    const save = vi.fn(async () => savedReply({ kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 }));
    const { props, mounted } = setUp({ save });
    const view = await mounted;
    await click(view.querySelectorAll<HTMLButtonElement>('.reflect-ready-choice')[2]);
    expect(save).toHaveBeenCalledWith({
      site: 'instagram',
      feelings: [],
      text: 'This is taking more time than I want.',
      fed: 'Instagram: Tidy Corner',
      choice: { kind: 'site-limit', site: 'instagram', minutes: 10 },
    });
    expect(view.querySelector('h2')?.textContent).toBe('Saved. Instagram now has 10 minutes a day.');
    expect(document.activeElement).toBe(view.querySelector('h2'));
    await click(byRoleName(view, 'button', 'Undo the boundary'));
    expect(props.undo).toHaveBeenCalledWith(expect.objectContaining({ id: 'e1' }));
    expect(view.querySelector('h2')?.textContent).toBe('The boundary is taken back. Your entry stays in your journal.');
    expect(byRoleName(view, 'button', 'Undo the boundary')).toBeUndefined();
    await click(byRoleName(view, 'button', 'Done'));
    expect(props.onDone).toHaveBeenCalled();
  });

  it('in the morning, off the feeds: a feed-free evening ahead and the overall limit', async () => {
    const view = await setUp({ context: context({ site: undefined, hour: 9, topAccounts: [] }) }).mounted;
    expect(buttons(view, '.reflect-ready-choice')).toEqual([
      'I’m running on empty → A feed-free time every day: Evenings, 21:00–07:00',
      'This is taking more time than I want → Give all feeds 30 minutes a day together',
    ]);
  });

  it('when nothing could be saved, says so in plain words and stays where it was', async () => {
    const view = await setUp({ save: vi.fn(async () => ({ ok: false as const, reason: 'boundary-failed' as const })) })
      .mounted;
    await click(view.querySelector('.reflect-ready-choice'));
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('Nothing was saved');
    expect(view.querySelectorAll('.reflect-ready-choice')).toHaveLength(3);
  });

  it('waits for the context before offering ready-made reflections', async () => {
    const view = await setUp({ context: undefined }).mounted;
    expect(view.querySelectorAll('.reflect-ready-choice')).toHaveLength(0);
    expect(view.querySelector('fieldset')?.disabled).toBe(true);
  });
});

describe('reflection: three steps', () => {
  it('walks feelings, what fed it and a boundary, each step announced by its heading', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await click(byRoleName(view, 'button', 'Say a little more'));
    expect(document.activeElement?.textContent).toBe('What did you notice just now?');
    expect(view.textContent).toContain('Step 1 of 3');
    const compared = byRoleName(view, 'button', 'Compared myself');
    await click(compared);
    expect(compared?.getAttribute('aria-pressed')).toBe('true');
    await click(byRoleName(view, 'button', 'Felt tired'));
    await click(byRoleName(view, 'button', 'Felt tired'));
    await act(async () => {
      const note = view.querySelector<HTMLInputElement>('#reflect-note');
      if (!note) throw new Error('no note');
      note.value = 'The kitchen photos again.';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(byRoleName(view, 'button', 'Next'));
    expect(document.activeElement?.textContent).toBe('What fed it?');
    expect(view.querySelector<HTMLInputElement>('#reflect-fed')?.value).toBe('Instagram: Tidy Corner');
    await click(byRoleName(view, 'button', 'Skip'));
    expect(document.activeElement?.textContent).toBe('One small boundary now');
    const labels = [...view.querySelectorAll('.reflect-option')].map((label) => label.textContent);
    expect(labels[0]).toBe('Hide Tidy Corner on this device');
    expect(labels.at(-1)).toBe('No boundary this time');
    expect(view.textContent).toContain('someone you trust or with a professional');
    await click(view.querySelectorAll<HTMLInputElement>('.reflect-option input')[0]);
    await click(byRoleName(view, 'button', 'Save'));
    expect(props.save).toHaveBeenCalledWith({
      site: 'instagram',
      feelings: ['compared'],
      text: 'The kitchen photos again.',
      fed: 'Instagram: Tidy Corner',
      choice: { kind: 'hide-accounts', site: 'instagram', handles: ['tidy'] },
    });
    expect(view.querySelector('h2')?.textContent).toBe('Saved in your journal.');
    expect(byRoleName(view, 'button', 'Undo the boundary')).toBeUndefined();
  });

  it('saves with no boundary when "No boundary this time" is left chosen, and Back steps back', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await click(byRoleName(view, 'button', 'Say a little more'));
    await click(byRoleName(view, 'button', 'Skip'));
    await click(byRoleName(view, 'button', 'Back'));
    expect(document.activeElement?.textContent).toBe('What did you notice just now?');
    await click(byRoleName(view, 'button', 'Skip'));
    await click(byRoleName(view, 'button', 'Skip'));
    const none = [...view.querySelectorAll<HTMLInputElement>('.reflect-option input')].at(-1);
    expect(none?.checked).toBe(true);
    await click(byRoleName(view, 'button', 'Save'));
    expect(props.save).toHaveBeenCalledWith(expect.not.objectContaining({ choice: expect.anything() }));
  });
});
