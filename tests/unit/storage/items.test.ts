import { describe, expect, it } from 'vitest';
import { freshDayState } from '@/utils/limits/stateRecords';
import { initialNudgeState } from '@/utils/nudges/scheduler';
import {
  ALL_ITEMS,
  accounts,
  boundaryDay,
  checkInsOff,
  hiddenInsights,
  journalDraft,
  journalPrompt,
  LEGACY_KEPT_ASIDE_KEYS,
  localSettings,
  localSettingsWin,
  nudgeFrequencyOverride,
  nudgeState,
  postDetection,
  publishedUsage,
  readItem,
  reflectionRequest,
  type StoredItem,
  settingsNoticeSeen,
  syncedSettings,
  tabTimeline,
} from '@/utils/storage/items';
import type { RecordProblem } from '@/utils/storage/recordKind';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';

const AT = Date.UTC(2026, 10, 22, 15);
const DAY = '2026-11-22';

const chosenSettings = {
  ...structuredClone(DEFAULT_SETTINGS),
  tracking: { idleThresholdSeconds: 120, dayStartHour: 5 },
};
const usage = { schemaVersion: 1, day: DAY, todayMsBySite: { instagram: 60_000 }, at: AT };
const dayState = { ...freshDayState(DAY), extensionsUsed: 1, warnedSites: ['x'] };
const nudges = { ...initialNudgeState(AT, 4), shownToday: 2, lastShownAt: AT - 1000 };
const timeline = { schemaVersion: 1, windows: { '1': [{ at: AT, tabId: 7 }] } };

/** Every item: a stored value it reads as itself, its fallback, and a value it can't read with why. */
const CASES: [StoredItem<unknown>, unknown, unknown, unknown, RecordProblem][] = [
  [syncedSettings, chosenSettings, DEFAULT_SETTINGS, 'nonsense', { code: 'not-a-record' }],
  [
    localSettings,
    chosenSettings,
    DEFAULT_SETTINGS,
    { ...chosenSettings, tracking: { idleThresholdSeconds: -5, dayStartHour: 5 } },
    { code: 'invalid', path: 'tracking.idleThresholdSeconds' },
  ],
  [localSettingsWin, true, false, 'yes', { code: 'invalid', path: '' }],
  [settingsNoticeSeen, '0badf00d', null, 'f'.repeat(65), { code: 'invalid', path: '' }],
  [
    publishedUsage,
    usage,
    null,
    { ...usage, todayMsBySite: { instagram: -1 } },
    { code: 'invalid', path: 'todayMsBySite.instagram' },
  ],
  [boundaryDay, dayState, null, { ...dayState, extensionsUsed: 1.5 }, { code: 'invalid', path: 'extensionsUsed' }],
  [nudgeState, nudges, null, { ...nudges, schemaVersion: 2 }, { code: 'newer-version', version: 2 }],
  [nudgeFrequencyOverride, 'test', null, 'gentle', { code: 'invalid', path: '' }],
  [
    tabTimeline,
    timeline,
    { schemaVersion: 1, windows: {} },
    { schemaVersion: 1, windows: { '1': [{ at: 'now', tabId: 7 }] } },
    { code: 'invalid', path: 'windows.1.0.at' },
  ],
  [
    accounts,
    { schemaVersion: 1, accounts: [{ site: 'instagram', handle: 'maple', hiddenAt: 5 }], triggerWords: ['glow up'] },
    null,
    { schemaVersion: 1, accounts: [{ site: 'instagram', handle: 'maple', hiddenAt: -5 }], triggerWords: [] },
    { code: 'invalid', path: 'accounts.0.hiddenAt' },
  ],
  [postDetection, { reddit: 5 }, {}, ['reddit'], { code: 'invalid', path: '' }],
  [
    journalDraft,
    { text: 'Half a thought', promptId: 'thank_you_note', at: AT },
    null,
    { text: 42, at: AT },
    { code: 'invalid', path: 'text' },
  ],
  [journalPrompt, { day: DAY, id: 'thank_you_note' }, null, { day: DAY }, { code: 'invalid', path: 'id' }],
  [checkInsOff, true, false, 'yes', { code: 'invalid', path: '' }],
  [reflectionRequest, { site: 'instagram', at: AT }, null, { site: 'instagram' }, { code: 'invalid', path: 'at' }],
  [hiddenInsights, ['week-change'], [], 'week-change', { code: 'invalid', path: '' }],
];

describe('stored items', () => {
  it('every item has its own area:key, and its id says it', () => {
    const ids = ALL_ITEMS.map((item) => `${item.area}:${item.key}`);
    expect(new Set(ids).size).toBe(ALL_ITEMS.length);
    for (const item of ALL_ITEMS) expect(item.id).toBe(`${item.area}:${item.key}`);
  });

  it('no live item uses a key that earlier versions used for kept-aside values (the background removes those)', () => {
    const localKeys = ALL_ITEMS.filter((item) => item.area === 'local').map((item) => item.key);
    for (const legacy of LEGACY_KEPT_ASIDE_KEYS) expect(localKeys).not.toContain(legacy);
  });

  it('every item is covered by the cases below', () => {
    expect(new Set(CASES.map(([item]) => item))).toEqual(new Set(ALL_ITEMS));
  });
});

describe.each(CASES.map(([item, ...rest]) => [item.id, item, ...rest] as const))(
  'readItem: %s',
  (_id, item, valid, fallback, garbage, problem) => {
    it.each([undefined, null])('%s is absent: the fallback, no problem', (raw) => {
      expect(readItem(item, raw)).toEqual({ value: fallback });
    });

    it('a valid value is read as it is', () => {
      expect(readItem(item, structuredClone(valid))).toEqual({ value: valid });
    });

    it('an unreadable value: the fallback, and why', () => {
      expect(readItem(item, garbage)).toEqual({ value: fallback, problem });
    });
  },
);

describe('fallbacks', () => {
  it('are fresh copies: changing one read does not change the next', () => {
    const first = readItem(syncedSettings, undefined).value;
    first.tracking.dayStartHour = 9;
    expect(readItem(syncedSettings, undefined).value).toEqual(DEFAULT_SETTINGS);
    const timelineRead = readItem(tabTimeline, undefined).value;
    timelineRead.windows['1'] = [];
    expect(readItem(tabTimeline, undefined).value).toEqual({ schemaVersion: 1, windows: {} });
  });
});

describe('values stored before they had a version', () => {
  it('published usage: the same fields, read as version 1', () => {
    const { schemaVersion: _none, ...unversioned } = usage;
    expect(readItem(publishedUsage, unversioned)).toEqual({ value: usage });
  });

  it('the tab timeline: stored bare (window id → events), read as version 1', () => {
    expect(readItem(tabTimeline, { '1': [{ at: AT, tabId: 7 }], '2': [] })).toEqual({
      value: { schemaVersion: 1, windows: { '1': [{ at: AT, tabId: 7 }], '2': [] } },
    });
  });

  it('a bare tab timeline that is broken is still refused, with where', () => {
    expect(readItem(tabTimeline, { '1': 'tab 7' })).toEqual({
      value: { schemaVersion: 1, windows: {} },
      problem: { code: 'invalid', path: 'windows.1' },
    });
  });

  it('settings and day states without a version are not guessed at', () => {
    const { schemaVersion: _a, ...bareSettings } = chosenSettings;
    expect(readItem(syncedSettings, bareSettings).problem).toEqual({ code: 'no-version' });
    const { schemaVersion: _b, ...bareDay } = dayState;
    expect(readItem(boundaryDay, bareDay).problem).toEqual({ code: 'no-version' });
  });
});
