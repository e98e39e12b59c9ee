import { describe, expect, it } from 'vitest';
import {
  accountKey,
  addSightings,
  type DayExposureRecord,
  emptyDayExposure,
  exposureByAccount,
  MAX_ACCOUNTS_PER_DAY,
  mainTheme,
} from '@/utils/mute/exposure';
import { readLedgerRecord } from '@/utils/storage/records';

const NOW = Date.UTC(2026, 10, 22, 12);

describe('addSightings', () => {
  it('adds trap posts, seconds and themes per account, and keeps the latest name', () => {
    const record = emptyDayExposure('2026-11-22');
    addSightings(
      record,
      'instagram',
      [{ handle: 'maple', trapPosts: 2, seconds: 5, themes: { 'spotless-home': 2 } }],
      NOW,
    );
    addSightings(
      record,
      'instagram',
      [{ handle: 'Maple', name: 'Maple & Moss', trapPosts: 1, seconds: 2.5, themes: { 'perfect-routine': 1 } }],
      NOW + 10,
    );
    expect(record.accounts).toEqual([
      {
        site: 'instagram',
        handle: 'maple',
        name: 'Maple & Moss',
        trapPosts: 3,
        seconds: 7.5,
        lastSeen: NOW + 10,
        themes: { 'spotless-home': 2, 'perfect-routine': 1 },
      },
    ]);
    expect(readLedgerRecord('exposure/2026-11-22', record).ok).toBe(true);
  });

  it('keeps the same handle on two sites apart, and skips empty sightings', () => {
    const record = emptyDayExposure('2026-11-22');
    addSightings(record, 'instagram', [{ handle: 'maple', trapPosts: 1, seconds: 0, themes: {} }], NOW);
    addSightings(record, 'x', [{ handle: 'maple', trapPosts: 1, seconds: 0, themes: {} }], NOW);
    addSightings(record, 'x', [{ handle: 'quiet', trapPosts: 0, seconds: 0, themes: {} }], NOW);
    expect(record.accounts.map((account) => accountKey(account.site, account.handle))).toEqual([
      'instagram/maple',
      'x/maple',
    ]);
  });

  it('drops the smallest accounts when a day is full', () => {
    const record = emptyDayExposure('2026-11-22');
    const many = Array.from({ length: MAX_ACCOUNTS_PER_DAY }, (_, index) => ({
      handle: `a${index}`,
      trapPosts: 2,
      seconds: 1,
      themes: {},
    }));
    addSightings(record, 'x', many, NOW);
    addSightings(record, 'x', [{ handle: 'small', trapPosts: 1, seconds: 0, themes: {} }], NOW);
    addSightings(record, 'x', [{ handle: 'big', trapPosts: 9, seconds: 0, themes: {} }], NOW);
    expect(record.accounts).toHaveLength(MAX_ACCOUNTS_PER_DAY);
    const handles = record.accounts.map((account) => account.handle);
    expect(handles).toContain('big');
    expect(handles).not.toContain('small');
  });
});

describe('exposureByAccount', () => {
  it('sums days per account, most trap posts first', () => {
    const day = (date: string, accounts: DayExposureRecord['accounts']): DayExposureRecord => ({
      schemaVersion: 1,
      day: date,
      accounts,
    });
    const totals = exposureByAccount([
      day('2026-11-21', [
        { site: 'x', handle: 'a', trapPosts: 1, seconds: 3, lastSeen: NOW - 10, themes: { t1: 1 } },
        { site: 'x', handle: 'b', trapPosts: 1, seconds: 1, lastSeen: NOW - 10, themes: {} },
      ]),
      day('2026-11-22', [
        { site: 'x', handle: 'A', name: 'Ann', trapPosts: 2, seconds: 4, lastSeen: NOW, themes: { t1: 1, t2: 1 } },
      ]),
    ]);
    expect([...totals.keys()]).toEqual(['x/a', 'x/b']);
    expect(totals.get('x/a')).toEqual({
      site: 'x',
      handle: 'a',
      name: 'Ann',
      trapPosts: 3,
      seconds: 7,
      lastSeen: NOW,
      themes: { t1: 2, t2: 1 },
    });
  });
});

describe('mainTheme', () => {
  it('is the theme with the most posts, the first on a tie, none when empty', () => {
    expect(mainTheme({ a: 1, b: 3, c: 2 })).toBe('b');
    expect(mainTheme({ a: 2, b: 2 })).toBe('a');
    expect(mainTheme({})).toBeUndefined();
  });
});

describe('the exposure record kind', () => {
  it('refuses a day record with too many accounts or a negative count', () => {
    const record = emptyDayExposure('2026-11-22');
    record.accounts = Array.from({ length: MAX_ACCOUNTS_PER_DAY + 1 }, (_, index) => ({
      site: 'x',
      handle: `a${index}`,
      trapPosts: 1,
      seconds: 0,
      lastSeen: NOW,
      themes: {},
    }));
    expect(readLedgerRecord('exposure/2026-11-22', record)).toMatchObject({ ok: false });
    const negative = {
      ...emptyDayExposure('2026-11-22'),
      accounts: [{ site: 'x', handle: 'a', trapPosts: -1, seconds: 0, lastSeen: NOW, themes: {} }],
    };
    expect(readLedgerRecord('exposure/2026-11-22', negative)).toEqual({
      ok: false,
      problem: { code: 'invalid', path: 'accounts.0.trapPosts' },
    });
  });
});
