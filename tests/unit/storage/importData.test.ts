import { describe, expect, it } from 'vitest';
import { applyAccountAction, emptyAccounts } from '@/utils/mute/accounts';
import { buildExport, type ExportFile } from '@/utils/storage/exportData';
import { MAX_IMPORT_BYTES, mergeAccounts, mergeRecord, readImport } from '@/utils/storage/importData';
import type { LedgerSnapshot } from '@/utils/storage/ledgerStore';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import { useTimeZone } from '../../helpers/timeZone';

useTimeZone('UTC');

const NOW = Date.UTC(2026, 11, 4, 20);
const DAY = '2026-12-04';

const snapshot: LedgerSnapshot = {
  days: [{ schemaVersion: 1, day: DAY, ms: { instagram: 754_200, x: 61_300 } }],
  sessions: [
    {
      id: `instagram-${NOW - 900_000}`,
      site: 'instagram',
      day: DAY,
      start: NOW - 900_000,
      end: NOW,
      activeMs: 754_200,
    },
  ],
  nudges: [
    {
      id: `${NOW - 60_000}-one_chosen_second`,
      reminderId: 'one_chosen_second',
      tag: 'highlight-reel',
      site: 'instagram',
      shownAt: NOW - 60_000,
      outcome: 'helped',
      outcomeAt: NOW - 50_000,
    },
  ],
  exposure: [
    {
      schemaVersion: 1,
      day: DAY,
      accounts: [
        {
          site: 'instagram',
          handle: 'tidy',
          trapPosts: 3,
          seconds: 41.5,
          lastSeen: NOW,
          themes: { 'spotless-home': 3 },
        },
      ],
    },
  ],
  journal: [
    {
      schemaVersion: 1,
      day: DAY,
      entries: [
        { id: 'j1', at: NOW, text: 'We built a fort <3', promptId: 'nobody_saw_today' },
        {
          id: 'j2',
          at: NOW + 1_000,
          text: 'Kitchens again.',
          site: 'instagram',
          feelings: ['compared'],
          fed: 'Instagram',
          boundary: { kind: 'feed-free-tonight', until: NOW + 8 * 3_600_000 },
        },
      ],
    },
  ],
  checkIns: [
    {
      schemaVersion: 1,
      day: DAY,
      checkIns: [
        {
          sessionId: `instagram-${NOW - 900_000}`,
          site: 'instagram',
          start: NOW - 900_000,
          activeMs: 754_200,
          askedAt: NOW,
          askedWhere: 'popup',
          feeling: 'same',
          answeredAt: NOW,
        },
      ],
    },
  ],
  unreadable: [{ key: 'day/2026-11-20', reason: 'invalid ms.x', at: NOW, value: { broken: true } }],
};
const accounts = applyAccountAction(emptyAccounts(), { site: 'instagram', handle: 'tidy', name: 'Tidy' }, 'hide', NOW);
const file = (): ExportFile =>
  buildExport(snapshot, new Date(NOW), { ...accounts, triggerWords: ['glow up'] }, DEFAULT_SETTINGS);
const text = (value: unknown) => JSON.stringify(value);

describe('readImport: an export reads back as the same records', () => {
  it('turns every part of the file into the ledger’s records, her accounts and settings, with a summary', () => {
    const read = readImport(text(file()));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const plan = read.value;
    expect(plan.summary).toEqual({
      days: 1,
      sessions: 1,
      entries: 2,
      checkIns: 1,
      reminders: 1,
      accounts: 1,
      settings: true,
    });
    const records = new Map(plan.records);
    expect(records.get(`day/${DAY}`)).toEqual(snapshot.days[0]);
    expect(records.get(`sessions/${DAY}`)).toEqual({ schemaVersion: 1, day: DAY, sessions: snapshot.sessions });
    expect(records.get(`nudges/${DAY}`)).toEqual({ schemaVersion: 1, day: DAY, nudges: snapshot.nudges });
    expect(records.get(`exposure/${DAY}`)).toEqual(snapshot.exposure[0]);
    expect(records.get(`journal/${DAY}`)).toEqual(snapshot.journal[0]);
    expect(records.get(`checkins/${DAY}`)).toEqual(snapshot.checkIns[0]);
    expect(plan.accounts).toEqual({ ...accounts, triggerWords: ['glow up'] });
    expect(plan.settings).toEqual(DEFAULT_SETTINGS);
    expect(plan.keptAside.map(([, record]) => [record.key, record.reason, record.value])).toEqual([
      ['day/2026-11-20', 'invalid ms.x', { broken: true }],
    ]);
  });

  it('reads an older export, made before journal, check-ins and settings were in it, and older settings', () => {
    const { journal, checkIns, settings, accountExposure, ...older } = file();
    const read = readImport(
      text({ ...older, settings: { schemaVersion: 1, tracking: { idleThresholdSeconds: 90, dayStartHour: 5 } } }),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.value.summary.entries).toBe(0);
    expect(read.value.settings?.tracking).toEqual({ idleThresholdSeconds: 90, dayStartHour: 5 });
    expect(read.value.settings?.boundaries).toEqual(DEFAULT_SETTINGS.boundaries);
  });
});

describe('readImport: what it refuses, saying what is wrong', () => {
  const good = () => file() as unknown as Record<string, unknown>;
  const withJournalText = (value: string) => {
    const f = good();
    (f.journal as { text: string }[])[0] = { ...(f.journal as { text: string }[])[0], text: value } as never;
    return text(f);
  };
  it.each([
    ['not JSON at all', 'hello', { code: 'not-json' }],
    ['a truncated file', text(file()).slice(0, 500), { code: 'not-json' }],
    ['another program’s JSON', text({ notes: [] }), { code: 'not-ours' }],
    ['a list instead of an object', '[1,2]', { code: 'not-ours' }],
    ['a newer version', text({ ...good(), schemaVersion: 2 }), { code: 'newer-version', version: 2 }],
    [
      'a prototype-polluting key',
      text(good()).replace('"format"', '"__proto__":{"polluted":1},"format"'),
      { code: 'forbidden-key', key: '__proto__' },
    ],
    [
      'a constructor key deep inside',
      text({ ...good(), activeTime: [{ constructor: { prototype: 1 } }] }),
      { code: 'forbidden-key', key: 'prototype' },
    ],
    [
      'a wrong type',
      text({ ...good(), activeTime: [{ day: DAY, site: 'instagram', seconds: 'many' }] }),
      { code: 'invalid', path: 'activeTime.0.seconds' },
    ],
    [
      'an impossible day',
      text({ ...good(), activeTime: [{ day: '2026-02-30', site: 'instagram', seconds: 1 }] }),
      { code: 'invalid', path: 'activeTime.0.day' },
    ],
    [
      'a negative time',
      text({ ...good(), activeTime: [{ day: DAY, site: 'instagram', seconds: -5 }] }),
      { code: 'invalid', path: 'activeTime.0.seconds' },
    ],
    [
      'markup in a site id',
      text({ ...good(), activeTime: [{ day: DAY, site: '<img src=x>', seconds: 1 }] }),
      { code: 'invalid', path: 'activeTime.0.site' },
    ],
    [
      'a script in her words',
      withJournalText('<script>alert(1)</script>'),
      { code: 'invalid', path: 'journal.0.text' },
    ],
    ['a handler in markup', withJournalText('<b onclick = "x()">hi</b>'), { code: 'invalid', path: 'journal.0.text' }],
    ['a huge string', withJournalText('x'.repeat(20_000)), { code: 'invalid', path: 'journal.0.text' }],
    [
      'settings that are not settings',
      text({ ...good(), settings: { schemaVersion: 2, boundaries: 'none' } }),
      { code: 'invalid', path: 'settings' },
    ],
    [
      'a boundary of an unknown kind',
      text({ ...good(), journal: [{ ...(good().journal as object[])[0], boundary: { kind: 'forever' } }] }),
      { code: 'invalid', path: 'journal.boundary.kind' },
    ],
    [
      'too many entries for one day',
      text({
        ...good(),
        journal: Array.from({ length: 201 }, (_, i) => ({ ...(good().journal as object[])[0], id: `e${i}` })),
      }),
      { code: 'invalid', path: `journal/${DAY} entries` },
    ],
  ])('%s', (_name, input, problem) => {
    expect(readImport(input)).toEqual({ ok: false, problem });
  });

  it('refuses a file over the limit before reading it, saying the limit', () => {
    expect(readImport(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({
      ok: false,
      problem: { code: 'too-large', limitMb: 25 },
    });
  });

  it('accepts her own words with hearts, angle brackets and once = twice', () => {
    expect(readImport(withJournalText('I <3 them; 2 < 3; once = twice; <b>bold</b>')).ok).toBe(true);
  });
});

describe('merging', () => {
  it('keeps the same record twice once, and everything of both', () => {
    const mine = {
      schemaVersion: 1,
      day: DAY,
      entries: [
        { id: 'a', at: 1, text: 'mine' },
        { id: 'b', at: 2, text: 'old' },
      ],
    };
    const theirs = {
      schemaVersion: 1,
      day: DAY,
      entries: [
        { id: 'b', at: 2, editedAt: 5, text: 'edited' },
        { id: 'c', at: 3, text: 'theirs' },
      ],
    };
    expect(mergeRecord('journal', mine, theirs)).toEqual({
      schemaVersion: 1,
      day: DAY,
      entries: [
        { id: 'a', at: 1, text: 'mine' },
        { id: 'b', at: 2, editedAt: 5, text: 'edited' },
        { id: 'c', at: 3, text: 'theirs' },
      ],
    });
    expect(
      mergeRecord(
        'day',
        { schemaVersion: 1, day: DAY, ms: { x: 5, y: 9 } },
        { schemaVersion: 1, day: DAY, ms: { x: 7, z: 1 } },
      ),
    ).toEqual({
      schemaVersion: 1,
      day: DAY,
      ms: { x: 7, y: 9, z: 1 },
    });
    const same = { schemaVersion: 1, day: DAY, sessions: [{ id: 's', activeMs: 5 }] };
    expect(mergeRecord('sessions', same, same)).toEqual(same);
  });

  it('merges accounts: every account of both, her decisions kept, her words and theirs', () => {
    const mine = applyAccountAction(
      { ...emptyAccounts(), triggerWords: ['a'] },
      { site: 'x', handle: 'river' },
      'silence',
      1,
    );
    const theirs = applyAccountAction(
      { ...emptyAccounts(), triggerWords: ['a', 'b'] },
      { site: 'x', handle: 'River' },
      'hide',
      2,
    );
    const merged = mergeAccounts(mine, theirs);
    expect(merged?.accounts).toEqual([{ site: 'x', handle: 'river', silencedAt: 1, hiddenAt: 2 }]);
    expect(merged?.triggerWords).toEqual(['a', 'b']);
    expect(mergeAccounts(null, theirs)).toBe(theirs);
    expect(mergeAccounts(mine, null)).toBe(mine);
  });
});
