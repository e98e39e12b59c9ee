import { describe, expect, it } from 'vitest';
import {
  AccountsKind,
  type AccountsState,
  applyAccountAction,
  emptyAccounts,
  findMark,
  hiddenHandles,
  isMarked,
  MAX_ACCOUNTS,
  MAX_TRIGGER_WORDS,
  NOT_NOW_MS,
  noteSuggested,
  RESUGGEST_MS,
  SUGGEST_THRESHOLD,
  suggestionFor,
  withTriggerWords,
} from '@/utils/mute/accounts';
import type { AccountExposure } from '@/utils/mute/exposure';
import { readRecord } from '@/utils/storage/recordKind';

const NOW = Date.UTC(2026, 10, 22, 12);
const maple = { site: 'instagram', handle: 'maple.and.moss', name: 'Maple & Moss' };

function exposure(trapPosts: number, themes: Record<string, number> = { 'spotless-home': trapPosts }): AccountExposure {
  return { site: 'instagram', handle: 'maple.and.moss', trapPosts, seconds: 12, lastSeen: NOW, themes };
}

describe('applyAccountAction', () => {
  it('hides an account, and unhiding forgets it when nothing else is held', () => {
    const hidden = applyAccountAction(emptyAccounts(), maple, 'hide', NOW);
    expect(hidden.accounts).toEqual([{ ...maple, hiddenAt: NOW }]);
    expect(hiddenHandles(hidden, 'instagram')).toEqual(['maple.and.moss']);
    expect(hiddenHandles(hidden, 'x')).toEqual([]);
    const shown = applyAccountAction(hidden, maple, 'unhide', NOW + 1);
    expect(shown.accounts).toEqual([]);
  });

  it('keeps other decisions about the account when one is undone', () => {
    let state = applyAccountAction(emptyAccounts(), maple, 'mark', NOW);
    state = applyAccountAction(state, maple, 'hide', NOW + 1);
    state = applyAccountAction(state, maple, 'unhide', NOW + 2);
    expect(state.accounts).toEqual([{ ...maple, markedAt: NOW }]);
    expect(isMarked(state, 'instagram', 'MAPLE.and.moss')).toBe(true);
  });

  it('does not change the state it was given', () => {
    const state = emptyAccounts();
    applyAccountAction(state, maple, 'silence', NOW);
    expect(state.accounts).toEqual([]);
  });

  it('treats handles without regard to case, on one site only', () => {
    let state = applyAccountAction(emptyAccounts(), maple, 'hide', NOW);
    state = applyAccountAction(state, { site: 'instagram', handle: 'Maple.And.Moss' }, 'silence', NOW);
    expect(state.accounts).toHaveLength(1);
    state = applyAccountAction(state, { site: 'x', handle: 'maple.and.moss' }, 'hide', NOW);
    expect(state.accounts).toHaveLength(2);
    expect(findMark(state, 'x', 'maple.and.moss')?.hiddenAt).toBe(NOW);
  });

  it('"not now" holds for 30 days, then the account is forgotten on its next change', () => {
    const state = applyAccountAction(emptyAccounts(), maple, 'not-now', NOW);
    expect(findMark(state, 'instagram', maple.handle)?.notNowUntil).toBe(NOW + NOT_NOW_MS);
    const later = applyAccountAction(state, maple, 'unmark', NOW + NOT_NOW_MS + 1);
    expect(later.accounts).toEqual([]);
  });

  it('stays within its bound, dropping what holds least first', () => {
    let state: AccountsState = emptyAccounts();
    state = applyAccountAction(state, { site: 'x', handle: 'keep' }, 'hide', NOW);
    for (let index = 0; index < MAX_ACCOUNTS; index++) {
      state = applyAccountAction(state, { site: 'x', handle: `a${index}` }, 'not-now', NOW);
    }
    expect(state.accounts).toHaveLength(MAX_ACCOUNTS);
    expect(findMark(state, 'x', 'keep')?.hiddenAt).toBe(NOW);
    expect(findMark(state, 'x', 'a0')).toBeUndefined();
    expect(readRecord(AccountsKind, state).ok).toBe(true);
  });
});

describe('withTriggerWords', () => {
  it('trims, collapses spaces, drops empties and repeats (without case)', () => {
    expect(withTriggerWords(emptyAccounts(), ['  glow  up ', '', 'Glow up', 'snapback']).triggerWords).toEqual([
      'glow up',
      'snapback',
    ]);
  });

  it('keeps at most the bound, and drops words that are too long', () => {
    const many = Array.from({ length: MAX_TRIGGER_WORDS + 5 }, (_, index) => `word ${index}`);
    expect(withTriggerWords(emptyAccounts(), many).triggerWords).toHaveLength(MAX_TRIGGER_WORDS);
    expect(withTriggerWords(emptyAccounts(), ['x'.repeat(61)]).triggerWords).toEqual([]);
  });
});

describe('suggestionFor', () => {
  it('suggests at the threshold of trap posts in the week, naming the main theme', () => {
    expect(suggestionFor(emptyAccounts(), exposure(SUGGEST_THRESHOLD - 1), maple, NOW)).toBeNull();
    expect(
      suggestionFor(emptyAccounts(), exposure(3, { 'spotless-home': 1, 'perfect-routine': 2 }), maple, NOW),
    ).toEqual({ ...maple, theme: 'perfect-routine', trapPosts: 3, reason: 'threshold' });
  });

  it('suggests at once when she marks an account, even below the threshold and during "not now"', () => {
    const state = applyAccountAction(emptyAccounts(), maple, 'not-now', NOW);
    expect(suggestionFor(state, undefined, maple, NOW, { justMarked: true })).toEqual({
      ...maple,
      theme: undefined,
      trapPosts: 0,
      reason: 'marked',
    });
  });

  it.each([
    ['hidden already', 'hide'],
    ['never to be suggested', 'silence'],
    ['in its "not now" month', 'not-now'],
  ] as const)('never suggests an account %s', (_label, action) => {
    const state = applyAccountAction(emptyAccounts(), maple, action, NOW);
    expect(suggestionFor(state, exposure(10), maple, NOW + 1_000)).toBeNull();
  });

  it('never suggests a silenced account, even when she marks it', () => {
    const state = applyAccountAction(emptyAccounts(), maple, 'silence', NOW);
    expect(suggestionFor(state, exposure(10), maple, NOW, { justMarked: true })).toBeNull();
  });

  it('after "not now" runs out, suggests again', () => {
    const state = applyAccountAction(emptyAccounts(), maple, 'not-now', NOW);
    expect(suggestionFor(state, exposure(3), maple, NOW + NOT_NOW_MS + 1)?.reason).toBe('threshold');
  });

  it('a suggestion she closed comes back a day later, not before', () => {
    const state = noteSuggested(emptyAccounts(), maple, NOW);
    expect(suggestionFor(state, exposure(5), maple, NOW + RESUGGEST_MS - 1)).toBeNull();
    expect(suggestionFor(state, exposure(5), maple, NOW + RESUGGEST_MS + 1)?.reason).toBe('threshold');
  });

  it('takes a custom threshold', () => {
    expect(suggestionFor(emptyAccounts(), exposure(1), maple, NOW, { threshold: 1 })?.trapPosts).toBe(1);
  });
});

describe('AccountsKind', () => {
  it('refuses a list where the accounts belong, and a mark without a handle', () => {
    expect(readRecord(AccountsKind, { schemaVersion: 1, accounts: {}, triggerWords: [] }).ok).toBe(false);
    expect(
      readRecord(AccountsKind, { schemaVersion: 1, accounts: [{ site: 'x', handle: '' }], triggerWords: [] }).ok,
    ).toBe(false);
  });
});
