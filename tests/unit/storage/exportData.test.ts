import { describe, expect, it } from 'vitest';
import { applyAccountAction, emptyAccounts, withTriggerWords } from '@/utils/mute/accounts';
import { buildExport } from '@/utils/storage/exportData';
import { emptySnapshot, type LedgerSnapshot } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';

const NOW = Date.UTC(2026, 10, 22, 15, 0);
const empty: LedgerSnapshot = emptySnapshot();

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

describe('buildExport: settings', () => {
  it('carries her settings as in force, a copy, or null when they are not known', () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.boundaries.dailyLimitMinutes = 30;
    const file = buildExport(empty, new Date(NOW), null, settings);
    expect(file.settings).toEqual(settings);
    expect(file.settings).not.toBe(settings);
    expect(buildExport(empty, new Date(NOW)).settings).toBeNull();
  });
});

describe('buildExport: journal', () => {
  it('lists entries oldest first across days, with times as ISO and the boundary set with each', () => {
    const file = buildExport(
      {
        ...empty,
        journal: [
          {
            schemaVersion: 1,
            day: '2026-11-21',
            entries: [{ id: 'b', at: NOW - 86_400_000, text: 'Quiet day.', promptId: 'thank_you_note' }],
          },
          {
            schemaVersion: 1,
            day: '2026-11-22',
            entries: [
              {
                id: 'd',
                at: NOW + 60_000,
                editedAt: NOW + 120_000,
                text: '',
                feelings: ['tired'],
                boundary: { kind: 'feed-free-tonight', until: NOW + 3_600_000 },
              },
              {
                id: 'c',
                at: NOW,
                text: 'Compared the kitchen again.',
                site: 'instagram',
                feelings: ['compared'],
                fed: 'home accounts',
                boundary: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 },
              },
            ],
          },
        ],
      },
      new Date(NOW),
    );
    expect(file.journal.map((entry) => entry.id)).toEqual(['b', 'c', 'd']);
    expect(file.journal[0]).toEqual({
      id: 'b',
      day: '2026-11-21',
      writtenAt: '2026-11-21T15:00:00.000Z',
      editedAt: null,
      text: 'Quiet day.',
      promptId: 'thank_you_note',
      site: null,
      feelings: [],
      whatFedIt: null,
      boundary: null,
    });
    expect(file.journal[1]).toMatchObject({
      site: 'instagram',
      feelings: ['compared'],
      whatFedIt: 'home accounts',
      boundary: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 },
    });
    expect(file.journal[2]).toMatchObject({
      editedAt: '2026-11-22T15:02:00.000Z',
      boundary: { kind: 'feed-free-tonight', until: '2026-11-22T16:00:00.000Z' },
    });
  });
});
