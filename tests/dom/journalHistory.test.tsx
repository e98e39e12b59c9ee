// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JournalHistory } from '@/components/JournalHistory';
import { resetFormatters } from '@/components/text/format';
import type { FiledEntry } from '@/utils/journal/entries';
import { useTimeZone } from '../helpers/timeZone';
import { byRoleName, click, mount } from './render';

const NOW = Date.UTC(2026, 11, 4, 20);
useTimeZone('UTC');
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => 'en-GB');
  resetFormatters();
});
afterEach(() => {
  document.body.innerHTML = '';
});

const ENTRIES: FiledEntry[] = [
  {
    id: 'c',
    day: '2026-12-04',
    at: NOW,
    text: 'The kitchens again.',
    feelings: ['compared', 'tired'],
    fed: 'Instagram: Tidy Corner',
    site: 'instagram',
    boundary: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 },
  },
  {
    id: 'b',
    day: '2026-12-03',
    at: NOW - 86_400_000,
    text: 'A blanket fort after school.',
    promptId: 'nobody_saw_today',
  },
  { id: 'a', day: '2026-11-20', at: NOW - 14 * 86_400_000, text: 'Tired but kind to myself.' },
];

async function search(view: HTMLElement, words: string) {
  await act(async () => {
    const input = view.querySelector<HTMLInputElement>('#journal-search');
    if (!input) throw new Error('no search');
    input.value = words;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const texts = (view: HTMLElement) => [...view.querySelectorAll('.journal-entry-text')].map((p) => p.textContent);

describe('the dashboard’s journal', () => {
  it('lists every entry newest first, with what she noticed, what fed it and the boundary set with it', async () => {
    const view = await mount(
      <JournalHistory load={async () => ({ entries: ENTRIES, unreadable: 0 })} edit={vi.fn()} remove={vi.fn()} />,
    );
    expect(texts(view)).toEqual(['The kitchens again.', 'A blanket fort after school.', 'Tired but kind to myself.']);
    const first = view.querySelector('.journal-entry')?.textContent ?? '';
    expect(first).toContain('Noticed: Compared myself, Felt tired');
    expect(first).toContain('What fed it: Instagram: Tidy Corner');
    expect(first).toContain('Boundary set with it: Instagram, 10 minutes a day');
    expect(view.querySelector('#journal-count')?.textContent).toBe('3 entries, newest first');
  });

  it('searches her words, what fed them and the prompt, by the start of a word and past a typo', async () => {
    const view = await mount(
      <JournalHistory load={async () => ({ entries: ENTRIES, unreadable: 0 })} edit={vi.fn()} remove={vi.fn()} />,
    );
    await search(view, 'tire');
    expect(texts(view)).toEqual(['Tired but kind to myself.']);
    await search(view, 'tidy');
    expect(texts(view)).toEqual(['The kitchens again.']);
    await search(view, 'nobody saw');
    expect(texts(view)).toEqual(['A blanket fort after school.']);
    await search(view, 'blankit');
    expect(texts(view)).toEqual(['A blanket fort after school.']);
    expect(view.querySelector('#journal-count')?.textContent).toBe('1 of 3 entries match');
    await search(view, 'volcano');
    expect(texts(view)).toEqual([]);
    expect(view.querySelector('#journal-count')?.textContent).toBe('No entry matches those words.');
    await search(view, '');
    expect(texts(view)).toHaveLength(3);
  });

  it('deletes a found entry from the whole journal, and keeps the others', async () => {
    const remove = vi.fn(async () => true);
    const view = await mount(
      <JournalHistory load={async () => ({ entries: ENTRIES, unreadable: 0 })} edit={vi.fn()} remove={remove} />,
    );
    await search(view, 'kitchens');
    await click(view.querySelector<HTMLButtonElement>('.journal-entry button[aria-label^="Delete"]'));
    await click(byRoleName(view, 'fieldset button', 'Delete'));
    expect(remove).toHaveBeenCalledWith(expect.objectContaining({ id: 'c' }));
    await search(view, '');
    expect(texts(view)).toEqual(['A blanket fort after school.', 'Tired but kind to myself.']);
  });
});
