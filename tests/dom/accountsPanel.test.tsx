// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountsPanel } from '@/components/AccountsPanel';
import { loadPopupData } from '@/entrypoints/popup/PopupApp';
import { type AccountsState, applyAccountAction, emptyAccounts } from '@/utils/mute/accounts';
import { byRoleName, click, mount } from './render';

const NOW = Date.UTC(2026, 10, 22, 15, 0);
const siteName = (id: string) => ({ instagram: 'Instagram', x: 'X' })[id] ?? id;

afterEach(() => {
  document.body.innerHTML = '';
});

function stateWith(): AccountsState {
  let state = applyAccountAction(
    emptyAccounts(),
    { site: 'instagram', handle: 'maple', name: 'Maple & Moss' },
    'hide',
    NOW,
  );
  state = applyAccountAction(state, { site: 'x', handle: 'river' }, 'silence', NOW);
  state = applyAccountAction(state, { site: 'x', handle: 'river' }, 'mark', NOW);
  // "Not now" alone is not listed: nothing to undo there.
  return applyAccountAction(state, { site: 'x', handle: 'brook' }, 'not-now', NOW);
}

describe('AccountsPanel', () => {
  it('lists hidden, never-suggested and marked accounts in words, with an undo for each decision', async () => {
    const view = await mount(
      <AccountsPanel accounts={stateWith()} siteName={siteName} act={vi.fn()} saveWords={vi.fn()} />,
    );
    const rows = [...view.querySelectorAll('.accounts-list li')].map((row) => [
      row.querySelector('.account-name')?.textContent,
      row.querySelector('.account-states')?.textContent,
      [...row.querySelectorAll('button')].map((button) => button.textContent),
    ]);
    expect(rows).toEqual([
      ['Maple & Moss on Instagram', 'Hidden on this device', ['Show again']],
      ['@river on X', 'Never suggested · Made you feel worse', ['Allow suggestions', 'Unmark']],
    ]);
    expect(byRoleName(view, 'button', 'Show again: Maple & Moss on Instagram')).toBeDefined();
  });

  it('says when there is nothing yet', async () => {
    const view = await mount(<AccountsPanel accounts={null} siteName={siteName} act={vi.fn()} saveWords={vi.fn()} />);
    expect(view.querySelector('.accounts p')?.textContent).toBe('No accounts hidden or marked yet.');
  });

  it('undoes through `act` and shows the state it answers with', async () => {
    const act = vi.fn(async () =>
      applyAccountAction(stateWith(), { site: 'instagram', handle: 'maple' }, 'unhide', NOW),
    );
    const view = await mount(
      <AccountsPanel accounts={stateWith()} siteName={siteName} act={act} saveWords={vi.fn()} />,
    );
    await click(byRoleName(view, 'button', 'Show again: Maple & Moss on Instagram'));
    expect(act).toHaveBeenCalledWith('instagram', 'maple', 'unhide');
    expect(view.querySelectorAll('.accounts-list li')).toHaveLength(1);
  });

  it('says plainly when a change did not go through, and keeps the list', async () => {
    const act = vi.fn(async () => {
      throw new Error('worker asleep');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = await mount(
      <AccountsPanel accounts={stateWith()} siteName={siteName} act={act} saveWords={vi.fn()} />,
    );
    await click(byRoleName(view, 'button', 'Show again: Maple & Moss on Instagram'));
    expect(view.querySelector('[role="alert"]')?.textContent).toBe('That didn’t go through. Please try again.');
    expect(view.querySelectorAll('.accounts-list li')).toHaveLength(2);
    expect(view.textContent).not.toContain('worker asleep');
  });

  it('saves her own words one per line, and shows them as saved', async () => {
    const saveWords = vi.fn(async (words: string[]) => ({ ...emptyAccounts(), triggerWords: words.slice(0, 1) }));
    const view = await mount(<AccountsPanel accounts={null} siteName={siteName} act={vi.fn()} saveWords={saveWords} />);
    const field = view.querySelector<HTMLTextAreaElement>('#trigger-words');
    if (!field) throw new Error('no field');
    await act(async () => {
      field.value = ' glow up \n\nsnapback';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      view.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(saveWords).toHaveBeenCalledWith(['glow up', 'snapback']);
    expect(field.value).toBe('glow up');
    expect(view.querySelector('.trigger-words [role="status"]')?.textContent).toBe('Saved.');
    expect(view.querySelector('label[for="trigger-words"]')?.textContent).toBe('Your own words to watch for');
  });
});

describe('AccountsPanel: words that cannot be kept', () => {
  async function submitWords(text: string) {
    const saveWords = vi.fn(async (words: string[]) => ({ ...emptyAccounts(), triggerWords: words }));
    const view = await mount(<AccountsPanel accounts={null} siteName={siteName} act={vi.fn()} saveWords={saveWords} />);
    const field = view.querySelector<HTMLTextAreaElement>('#trigger-words');
    if (!field) throw new Error('no field');
    await act(async () => {
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      view.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    return { view, field, saveWords };
  }

  it('says which word is too long, saves nothing and keeps what she typed', async () => {
    const long = 'x'.repeat(61);
    const { view, field, saveWords } = await submitWords(`glow up\n${long}`);
    expect(saveWords).not.toHaveBeenCalled();
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      `“${long}” is longer than 60 characters. Please shorten it.`,
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.value).toBe(`glow up\n${long}`);
  });

  it('says when there are too many words, and saves nothing', async () => {
    const many = Array.from({ length: 51 }, (_, index) => `word ${index}`).join('\n');
    const { view, saveWords } = await submitWords(many);
    expect(saveWords).not.toHaveBeenCalled();
    expect(view.querySelector('[role="alert"]')?.textContent).toBe('You can keep up to 50 words. Please remove a few.');
  });
});

describe('loadPopupData: post detection', () => {
  it('reads the sites whose post detection needs an update (her accounts are the dashboard’s)', async () => {
    await fakeBrowser.storage.local.set({
      accounts: stateWith(),
      postDetectionStale: { instagram: NOW, myspace: NOW },
    });
    const data = await loadPopupData(NOW, { dayTotals: async () => new Map() } as never);
    expect('accounts' in data).toBe(false);
    expect(data.detectionStale).toEqual(['instagram']);
  });
});
