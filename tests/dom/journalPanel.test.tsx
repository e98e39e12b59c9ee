// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JournalPanel, type JournalPanelProps } from '@/components/JournalPanel';
import { resetFormatters } from '@/components/text/format';
import { journalActions, loadPopupData } from '@/entrypoints/popup/PopupApp';
import type { FiledEntry } from '@/utils/journal/entries';
import { nextPrompt, promptById, promptForDay, prompts } from '@/utils/journal/prompts';
import { loadItem } from '@/utils/storage/itemStore';
import { journalDraft, journalPrompt } from '@/utils/storage/items';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import { useTimeZone } from '../helpers/timeZone';
import { byRoleName, click, mount } from './render';

const NOW = Date.UTC(2026, 11, 4, 19, 15);
const first = prompts[0] as (typeof prompts)[number];

useTimeZone('UTC');
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const entry = (id: string, text: string, extra: Partial<FiledEntry> = {}): FiledEntry => ({
  id,
  day: '2026-12-04',
  at: NOW - 3_600_000,
  text,
  ...extra,
});

function setUp(overrides: Partial<JournalPanelProps> = {}) {
  const props: JournalPanelProps = {
    prompt: first,
    draft: null,
    now: () => NOW,
    promptShown: vi.fn(),
    keepDraft: vi.fn(async () => {}),
    save: vi.fn(async (text: string, promptId: string) => ({
      ok: true as const,
      entry: entry('new', text, { promptId, at: NOW }),
    })),
    recent: vi.fn(async () => ({ entries: [entry('old', 'An older entry.')], unreadable: 0 })),
    edit: vi.fn(async (old: FiledEntry, text: string) => ({
      ok: true as const,
      entry: { ...old, text, editedAt: NOW },
    })),
    remove: vi.fn(async () => true),
    ...overrides,
  };
  return { props, mounted: mount(<JournalPanel {...props} />) };
}

async function type(field: HTMLTextAreaElement | null, text: string) {
  if (!field) throw new Error('no field');
  await act(async () => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const words = (key: string) => fakeBrowser.i18n.getMessage(key as never);

describe('journal panel', () => {
  it('in the popup, shows the prompt with “Write”; Write opens the place to write, focused, and her entries', async () => {
    const { props, mounted } = setUp({ writeOnRequest: true });
    const view = await mounted;
    expect(view.querySelector('#journal-prompt')?.textContent).toBe(words(first.messageKey));
    expect(view.querySelector('textarea')).toBeNull();
    // Her entries are read only when she opens the journal.
    expect(props.recent).not.toHaveBeenCalled();
    const write = byRoleName(view, 'button', 'Write');
    expect(write?.getAttribute('aria-describedby')).toBe('journal-prompt');
    await click(write);
    expect(document.activeElement).toBe(view.querySelector('#journal-text'));
    expect(byRoleName(view, 'button', 'Write')).toBeUndefined();
    expect(props.recent).toHaveBeenCalledTimes(1);
    expect(view.querySelector('.journal-entry-text')?.textContent).toBe('An older entry.');
  });

  it('in the popup, a waiting draft opens the place to write at once', async () => {
    const view = await setUp({
      writeOnRequest: true,
      draft: { text: 'Half a thought', promptId: first.id, at: NOW - 60_000 },
    }).mounted;
    expect(view.querySelector<HTMLTextAreaElement>('#journal-text')?.value).toBe('Half a thought');
  });

  it('shows the prompt above a labelled place to write, described by the prompt', async () => {
    const view = await setUp().mounted;
    expect(view.querySelector('#journal-prompt')?.textContent).toBe(words(first.messageKey));
    const box = view.querySelector('textarea');
    expect(view.querySelector(`label[for="${box?.id}"]`)?.textContent).toBe('Your words, for you alone');
    expect(box?.getAttribute('aria-describedby')).toContain('journal-prompt');
  });

  it('keeps the words as she types, with the prompt they answer', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await type(view.querySelector('textarea'), 'Half a thought');
    expect(props.keepDraft).toHaveBeenLastCalledWith({ text: 'Half a thought', promptId: first.id, at: NOW });
  });

  it('opens with her unsaved words and the prompt she was answering', async () => {
    const other = prompts[5] as (typeof prompts)[number];
    const view = await setUp({ draft: { text: 'Still here', promptId: other.id, at: NOW - 60_000 } }).mounted;
    expect(view.querySelector('textarea')?.value).toBe('Still here');
    expect(view.querySelector('#journal-prompt')?.textContent).toBe(words(other.messageKey));
  });

  it('"Another prompt" shows a different prompt and remembers it', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await click(byRoleName(view, 'button', 'Another prompt'));
    const next = nextPrompt(first.id);
    expect(view.querySelector('#journal-prompt')?.textContent).toBe(words(next.messageKey));
    expect(props.promptShown).toHaveBeenCalledWith(next);
  });

  it('saves: the entry is listed first, the place to write empties and the draft is forgotten', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await type(view.querySelector('textarea'), 'We laughed at breakfast.');
    await click(byRoleName(view, 'button', 'Save in journal'));
    expect(props.save).toHaveBeenCalledWith('We laughed at breakfast.', first.id);
    expect(view.querySelector('#journal-text')).toHaveProperty('value', '');
    expect(props.keepDraft).toHaveBeenLastCalledWith(null);
    expect(view.querySelector('.journal-write [role="status"]')?.textContent).toBe('Saved in your journal.');
    expect([...view.querySelectorAll('.journal-entry-text')].map((p) => p.textContent)).toEqual([
      'We laughed at breakfast.',
      'An older entry.',
    ]);
  });

  it('when saving fails, says so and keeps every word', async () => {
    const { props, mounted } = setUp({ save: vi.fn(async () => undefined) });
    const view = await mounted;
    await type(view.querySelector('textarea'), 'Do not lose me.');
    await click(byRoleName(view, 'button', 'Save in journal'));
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('Your words are still here');
    expect(view.querySelector<HTMLTextAreaElement>('#journal-text')?.value).toBe('Do not lose me.');
    expect(props.keepDraft).not.toHaveBeenCalledWith(null);
  });

  it('says how long is too long before sending, and sends nothing empty', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await click(byRoleName(view, 'button', 'Save in journal'));
    expect(view.querySelector('[role="alert"]')?.textContent).toBe('Write a few words first, then save.');
    await type(view.querySelector('textarea'), 'a'.repeat(10_412));
    await click(byRoleName(view, 'button', 'Save in journal'));
    expect(view.querySelector('[role="alert"]')?.textContent).toContain(
      'up to 10,000 characters and this one has 10,412',
    );
    expect(view.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect(props.save).not.toHaveBeenCalled();
  });

  it('Clear empties the place to write, and "Bring it back" restores it', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await type(view.querySelector('textarea'), 'Second thoughts');
    await click(byRoleName(view, 'button', 'Clear'));
    expect(view.querySelector<HTMLTextAreaElement>('#journal-text')?.value).toBe('');
    expect(props.keepDraft).toHaveBeenLastCalledWith(null);
    await click(byRoleName(view, 'button', 'Bring it back'));
    expect(view.querySelector<HTMLTextAreaElement>('#journal-text')?.value).toBe('Second thoughts');
    expect(props.keepDraft).toHaveBeenLastCalledWith({ text: 'Second thoughts', promptId: first.id, at: NOW });
  });

  it('edits an entry in place, named by its time, and shows it was edited', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    await click(byRoleName(view, 'button', 'Edit the entry from Fri 4 Dec, 18:15'));
    const box = view.querySelector<HTMLTextAreaElement>('.journal-edit textarea');
    expect(document.activeElement).toBe(box);
    await type(box, 'A kinder version.');
    await click(byRoleName(view, 'button', 'Save changes'));
    expect(props.edit).toHaveBeenCalledWith(expect.objectContaining({ id: 'old' }), 'A kinder version.');
    expect(view.querySelector('.journal-entries .journal-entry-text')?.textContent).toBe('A kinder version.');
    expect(view.querySelector('.journal-entries .journal-entry')?.textContent).toContain('edited');
  });

  it('deletes an entry only after asking, and Keep leaves it', async () => {
    const { props, mounted } = setUp();
    const view = await mounted;
    const label = 'Delete the entry from Fri 4 Dec, 18:15';
    await click(byRoleName(view, 'button', label));
    expect(view.textContent).toContain('Delete this entry for good?');
    await click(byRoleName(view, 'button', 'Keep it'));
    expect(props.remove).not.toHaveBeenCalled();
    await click(byRoleName(view, 'button', label));
    await click(byRoleName(view, 'fieldset button', 'Delete'));
    expect(props.remove).toHaveBeenCalledWith(expect.objectContaining({ id: 'old' }));
    expect(view.querySelectorAll('.journal-entry')).toHaveLength(0);
    expect(view.textContent).toContain('Entry deleted.');
  });

  it('shows the prompt an entry answered, and says when there are none yet or some are unreadable', async () => {
    const answered = entry('p', 'Mine.', { promptId: first.id });
    let view = await setUp({ recent: async () => ({ entries: [answered], unreadable: 2 }) }).mounted;
    expect(view.querySelector('.journal-entry-prompt')?.textContent).toBe(`After: “${words(first.messageKey)}”`);
    expect(view.textContent).toContain('Some older entries couldn’t be read');
    document.body.innerHTML = '';
    view = await setUp({ recent: async () => ({ entries: [], unreadable: 0 }) }).mounted;
    expect(view.textContent).toContain('Nothing saved yet.');
    document.body.innerHTML = '';
    view = await setUp({ recent: async () => undefined }).mounted;
    expect(view.textContent).toContain('can’t be shown just now');
  });
});

describe('the popup’s journal: storage', () => {
  const noLedger = { dayTotals: async () => new Map() } as unknown as LedgerStore;

  it('reads the draft and today’s prompt with everything else, and the prompt moves on tomorrow', async () => {
    await fakeBrowser.storage.local.set({ journalDraft: { text: 'kept', promptId: 'thank_you_note', at: NOW } });
    const loaded = await loadPopupData(NOW, noLedger);
    expect(loaded.journal?.draft?.text).toBe('kept');
    expect(loaded.journal?.prompt).toBe(promptForDay('2026-12-04', null));
    expect(loaded.journal?.firstShowingToday).toBe(true);
    await fakeBrowser.storage.local.set({ journalPrompt: { day: '2026-12-04', id: loaded.journal?.prompt.id } });
    expect((await loadPopupData(NOW, noLedger)).journal?.firstShowingToday).toBe(false);
    const tomorrow = await loadPopupData(NOW + 86_400_000, noLedger);
    expect(tomorrow.journal?.prompt.id).not.toBe(loaded.journal?.prompt.id);
  });

  it('opens with the reflection asked for from a mute suggestion in the last minute, once', async () => {
    await fakeBrowser.storage.session.set({ reflectionRequest: { site: 'instagram', at: NOW - 5_000 } });
    expect((await loadPopupData(NOW, noLedger)).reflectOn).toBe('instagram');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('reflectionRequest')).reflectionRequest).toBeUndefined(),
    );
    expect((await loadPopupData(NOW, noLedger)).reflectOn).toBeUndefined();
    await fakeBrowser.storage.session.set({ reflectionRequest: { site: 'instagram', at: NOW - 120_000 } });
    expect((await loadPopupData(NOW, noLedger)).reflectOn).toBeUndefined();
  });

  it('keeps and forgets the draft in local storage, and remembers the prompt shown today', async () => {
    const actions = journalActions(() => '2026-12-04');
    await actions.keepDraft({ text: 'kept', at: NOW });
    expect((await loadItem(journalDraft)).value).toEqual({ text: 'kept', at: NOW });
    await actions.keepDraft(null);
    expect((await fakeBrowser.storage.local.get('journalDraft')).journalDraft).toBeUndefined();
    actions.promptShown(promptById('thank_you_note') as (typeof prompts)[number]);
    await vi.waitFor(async () =>
      expect((await loadItem(journalPrompt)).value).toEqual({ day: '2026-12-04', id: 'thank_you_note' }),
    );
  });
});
