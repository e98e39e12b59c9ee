import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  isPlainRecord,
  problemCode,
  type RecordKind,
  type RecordProblem,
  readRecord,
} from '@/utils/storage/recordKind';

/** A kind at version 3: version 1 counted seconds, 2 minutes, 3 milliseconds. */
const durationKind: RecordKind<{ schemaVersion: 3; ms: number; note?: string }> = {
  name: 'duration',
  version: 3,
  schema: v.object({
    schemaVersion: v.literal(3),
    ms: v.pipe(v.number(), v.minValue(0)),
    note: v.optional(v.string()),
  }),
  migrations: {
    1: ({ seconds, ...rest }) => ({ ...rest, minutes: Number(seconds) / 60 }),
    2: ({ minutes, ...rest }) => ({ ...rest, ms: Number(minutes) * 60_000 }),
  },
};

class Stored {
  schemaVersion = 3;
  ms = 1;
}

describe('readRecord', () => {
  it('walks every migration, in order, up to the current version', () => {
    const order: number[] = [];
    const kind: RecordKind<unknown> = {
      ...durationKind,
      migrations: {
        1: (record) => {
          order.push(1);
          return durationKind.migrations[1]?.(record) ?? record;
        },
        2: (record) => {
          order.push(2);
          return durationKind.migrations[2]?.(record) ?? record;
        },
      },
    };
    expect(readRecord(kind, { schemaVersion: 1, seconds: 90, note: 'kept' })).toEqual({
      ok: true,
      migrated: true,
      value: { schemaVersion: 3, ms: 90_000, note: 'kept' },
    });
    expect(order).toEqual([1, 2]);
  });

  it('starts from the stored version: a version 2 record takes only the last step', () => {
    expect(readRecord(durationKind, { schemaVersion: 2, minutes: 2 })).toEqual({
      ok: true,
      migrated: true,
      value: { schemaVersion: 3, ms: 120_000 },
    });
  });

  it('leaves a current record alone (migrated: false) and does not change the stored value', () => {
    const stored = { schemaVersion: 3, ms: 1 };
    const read = readRecord(durationKind, stored);
    expect(read).toEqual({ ok: true, migrated: false, value: { schemaVersion: 3, ms: 1 } });
    expect(stored).toEqual({ schemaVersion: 3, ms: 1 });
  });

  it('does not change a stored older record while migrating it', () => {
    const stored = { schemaVersion: 1, seconds: 60 };
    readRecord(durationKind, stored);
    expect(stored).toEqual({ schemaVersion: 1, seconds: 60 });
  });

  it('reads a record without a prototype', () => {
    const stored = Object.assign(Object.create(null), { schemaVersion: 3, ms: 5 });
    expect(readRecord(durationKind, stored)).toMatchObject({ ok: true, value: { ms: 5 } });
  });

  describe('adoptUnversioned', () => {
    const adopting: RecordKind<unknown> = {
      ...durationKind,
      adoptUnversioned: (value) => (typeof value.seconds === 'number' ? { seconds: value.seconds } : undefined),
    };

    it('turns the old unversioned shape into version 1, then migrates it', () => {
      expect(readRecord(adopting, { seconds: 30 })).toEqual({
        ok: true,
        migrated: true,
        value: { schemaVersion: 3, ms: 30_000 },
      });
    });

    it('leaves a value that is not the old shape unread: no version', () => {
      expect(readRecord(adopting, { minutes: 30 })).toEqual({ ok: false, problem: { code: 'no-version' } });
    });

    it('is not asked about a value that has a version', () => {
      const asked: unknown[] = [];
      const kind: RecordKind<unknown> = {
        ...durationKind,
        adoptUnversioned: (value) => {
          asked.push(value);
          return value;
        },
      };
      readRecord(kind, { schemaVersion: 3, ms: 1 });
      expect(asked).toEqual([]);
    });

    it('without it, an unversioned value has no version', () => {
      expect(readRecord(durationKind, { seconds: 30 })).toEqual({ ok: false, problem: { code: 'no-version' } });
    });
  });

  it.each<[string, unknown, RecordProblem]>([
    ['null', null, { code: 'not-a-record' }],
    ['undefined', undefined, { code: 'not-a-record' }],
    ['a string', 'hello', { code: 'not-a-record' }],
    ['a number', 3, { code: 'not-a-record' }],
    ['an array', [{ schemaVersion: 3, ms: 1 }], { code: 'not-a-record' }],
    ['a class instance', new Stored(), { code: 'not-a-record' }],
    ['a date', new Date(0), { code: 'not-a-record' }],
    ['a map', new Map([['schemaVersion', 3]]), { code: 'not-a-record' }],
    ['no version', { ms: 1 }, { code: 'no-version' }],
    ['a version as a string', { schemaVersion: '3', ms: 1 }, { code: 'no-version' }],
    ['version 0', { schemaVersion: 0, ms: 1 }, { code: 'no-version' }],
    ['a negative version', { schemaVersion: -1, ms: 1 }, { code: 'no-version' }],
    ['a fractional version', { schemaVersion: 1.5, ms: 1 }, { code: 'no-version' }],
    ['a NaN version', { schemaVersion: Number.NaN, ms: 1 }, { code: 'no-version' }],
    ['a newer version', { schemaVersion: 4, ms: 1 }, { code: 'newer-version', version: 4 }],
    ['a far newer version', { schemaVersion: 40, ms: 1 }, { code: 'newer-version', version: 40 }],
    ['a current record of the wrong shape', { schemaVersion: 3, ms: 'lots' }, { code: 'invalid', path: 'ms' }],
    ['a current record missing a field', { schemaVersion: 3 }, { code: 'invalid', path: 'ms' }],
    ['a migrated record of the wrong shape', { schemaVersion: 2, minutes: -1 }, { code: 'invalid', path: 'ms' }],
  ])('refuses %s', (_label, raw, problem) => {
    expect(readRecord(durationKind, raw)).toEqual({ ok: false, problem });
  });

  it('says which version has no migration', () => {
    const gap: RecordKind<unknown> = { ...durationKind, migrations: { 2: (record) => record } };
    expect(readRecord(gap, { schemaVersion: 1, seconds: 1 })).toEqual({
      ok: false,
      problem: { code: 'no-migration', version: 1 },
    });
    const lastMissing: RecordKind<unknown> = { ...durationKind, migrations: { 1: (record) => record } };
    expect(readRecord(lastMissing, { schemaVersion: 1, seconds: 1 })).toEqual({
      ok: false,
      problem: { code: 'no-migration', version: 2 },
    });
  });

  it('says which step failed when a migration throws, and runs no later step', () => {
    const later: number[] = [];
    const throwing: RecordKind<unknown> = {
      ...durationKind,
      migrations: {
        1: () => {
          throw new TypeError('broken');
        },
        2: (record) => {
          later.push(2);
          return record;
        },
      },
    };
    expect(readRecord(throwing, { schemaVersion: 1, seconds: 1 })).toEqual({
      ok: false,
      problem: { code: 'migration-failed', version: 1 },
    });
    expect(later).toEqual([]);
  });

  it('gives the dot path of the first problem, deep inside the record', () => {
    const nested: RecordKind<unknown> = {
      name: 'nested',
      version: 1,
      schema: v.object({
        schemaVersion: v.literal(1),
        ms: v.record(v.string(), v.number()),
        list: v.array(v.object({ at: v.number() })),
      }),
      migrations: {},
    };
    expect(readRecord(nested, { schemaVersion: 1, ms: { instagram: 'lots' }, list: [] })).toEqual({
      ok: false,
      problem: { code: 'invalid', path: 'ms.instagram' },
    });
    expect(readRecord(nested, { schemaVersion: 1, ms: {}, list: [{ at: 1 }, { at: 'x' }] })).toEqual({
      ok: false,
      problem: { code: 'invalid', path: 'list.1.at' },
    });
  });

  it('an issue with the record as a whole has an empty path', () => {
    const whole: RecordKind<unknown> = {
      name: 'whole',
      version: 1,
      schema: v.pipe(
        v.object({ schemaVersion: v.literal(1), start: v.number(), end: v.number() }),
        v.check((record) => record.end >= record.start),
      ),
      migrations: {},
    };
    expect(readRecord(whole, { schemaVersion: 1, start: 5, end: 1 })).toEqual({
      ok: false,
      problem: { code: 'invalid', path: '' },
    });
  });
});

describe('isPlainRecord', () => {
  it.each<[string, unknown, boolean]>([
    ['an object literal', { a: 1 }, true],
    ['an object without a prototype', Object.create(null), true],
    ['null', null, false],
    ['an array', [], false],
    ['a class instance', new Stored(), false],
    ['a function', () => 1, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isPlainRecord(value)).toBe(expected);
  });
});

describe('problemCode', () => {
  it.each<[RecordProblem, string]>([
    [{ code: 'not-a-record' }, 'not-a-record'],
    [{ code: 'no-version' }, 'no-version'],
    [{ code: 'newer-version', version: 3 }, 'newer-version 3'],
    [{ code: 'no-migration', version: 1 }, 'no-migration 1'],
    [{ code: 'migration-failed', version: 2 }, 'migration-failed 2'],
    [{ code: 'invalid', path: 'ms.instagram' }, 'invalid ms.instagram'],
    [{ code: 'invalid', path: '' }, 'invalid'],
    [{ code: 'unknown-key' }, 'unknown-key'],
  ])('%j → "%s"', (problem, line) => {
    expect(problemCode(problem)).toBe(line);
  });
});
