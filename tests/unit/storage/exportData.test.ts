import { describe, expect, it } from 'vitest';
import { applyAccountAction, emptyAccounts, withTriggerWords } from '@/utils/mute/accounts';
import { buildExport } from '@/utils/storage/exportData';
import type { LedgerSnapshot } from '@/utils/storage/ledgerStore';

const NOW = Date.UTC(2026, 10, 22, 15, 0);
const empty: LedgerSnapshot = { days: [], sessions: [], nudges: [], exposure: [], unreadable: [] };

describe('buildExport: accounts', () => {
  it('lists exposure per day and account, with seconds to a tenth and times as ISO', () => {
    const file = buildExport(
      {
        ...empty,
        exposure: [
          {
            schemaVersion: 1,
            day: '2026-11-22',
            accounts: [
              {
                site: 'instagram',
                handle: 'maple',
                trapPosts: 3,
                seconds: 41.46,
                lastSeen: NOW,
                themes: { 'spotless-home': 3 },
              },
            ],
          },
        ],
      },
      new Date(NOW),
    );
    expect(file.accountExposure).toEqual([
      {
        day: '2026-11-22',
        site: 'instagram',
        handle: 'maple',
        name: null,
        trapPosts: 3,
        secondsOnScreen: 41.5,
        themes: { 'spotless-home': 3 },
        lastSeen: '2026-11-22T15:00:00.000Z',
      },
    ]);
    expect(file.accounts).toEqual([]);
    expect(file.triggerWords).toEqual([]);
  });

  it('lists her decisions about accounts and her own words', () => {
    let state = applyAccountAction(emptyAccounts(), { site: 'x', handle: 'river', name: 'River' }, 'hide', NOW);
    state = applyAccountAction(state, { site: 'x', handle: 'river' }, 'mark', NOW + 1_000);
    state = withTriggerWords(state, ['glow up']);
    const file = buildExport(empty, new Date(NOW), state);
    expect(file.accounts).toEqual([
      {
        site: 'x',
        handle: 'river',
        name: 'River',
        hidden: '2026-11-22T15:00:00.000Z',
        neverSuggest: null,
        markedWorse: '2026-11-22T15:00:01.000Z',
        notNowUntil: null,
      },
    ]);
    expect(file.triggerWords).toEqual(['glow up']);
  });
});
