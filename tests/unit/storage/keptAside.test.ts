import { describe, expect, it } from 'vitest';
import {
  asKeptAside,
  fingerprint,
  KEPT_ASIDE_PREFIX,
  type KeptAsideRecord,
  keptAsideEntry,
  readOrKeepAside,
} from '@/utils/storage/keptAside';
import type { RecordRead } from '@/utils/storage/recordKind';

const AT = Date.UTC(2026, 10, 22, 15);

describe('fingerprint', () => {
  it.each<[string, unknown]>([
    ['an object', { schemaVersion: 1, ms: { instagram: 'lots' } }],
    ['a string', 'hello'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    [
      'a cycle',
      (() => {
        const cycle: Record<string, unknown> = { a: 1 };
        cycle.self = cycle;
        return cycle;
      })(),
    ],
  ])('is 8 hex digits and the same every time for %s', (_label, value) => {
    const first = fingerprint(value);
    expect(first).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint(value)).toBe(first);
  });

  it('is the same for an equal copy', () => {
    expect(fingerprint(JSON.parse(JSON.stringify({ a: [1, 2], b: 'x' })))).toBe(fingerprint({ a: [1, 2], b: 'x' }));
  });

  it.each<[string, unknown, unknown]>([
    ['one character apart', 'abc', 'abd'],
    ['a number and its string', 1, '1'],
    ['two nested values', { ms: { instagram: 1 } }, { ms: { instagram: 2 } }],
    ['a list and its reverse', [1, 2], [2, 1]],
    ['an empty object and an empty list', {}, []],
  ])('differs for %s', (_label, a, b) => {
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });
});

describe('keptAsideEntry', () => {
  const value = { schemaVersion: 1, ms: { instagram: 'lots' } };

  it('files the value under kept-aside/<where>/<fingerprint>, with the reason as a code line', () => {
    expect(keptAsideEntry('day/2026-11-22', value, { code: 'invalid', path: 'ms.instagram' }, AT)).toEqual([
      `kept-aside/day/2026-11-22/${fingerprint(value)}`,
      { key: 'day/2026-11-22', reason: 'invalid ms.instagram', at: AT, value },
    ]);
  });

  it('takes a reason that is already a code line', () => {
    const [storeKey, record] = keptAsideEntry('sync:settings', 'nonsense', 'legacy', AT);
    expect(storeKey).toBe(`${KEPT_ASIDE_PREFIX}sync:settings/${fingerprint('nonsense')}`);
    expect(record.reason).toBe('legacy');
  });

  it('gives the same key for the same value, and another for another value', () => {
    const problem = { code: 'no-version' } as const;
    const [first] = keptAsideEntry('sync:settings', value, problem, AT);
    const [again] = keptAsideEntry('sync:settings', structuredClone(value), problem, AT + 1000);
    const [other] = keptAsideEntry('sync:settings', { ...value, extra: 1 }, problem, AT);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });
});

describe('asKeptAside', () => {
  it('reads a stored entry as it is', () => {
    const record: KeptAsideRecord = { key: 'day/2026-11-22', reason: 'no-version', at: AT, value: 1 };
    expect(asKeptAside('kept-aside/day/2026-11-22/0000', record)).toEqual(record);
  });

  it('shows an entry of another shape whole, rather than hiding it', () => {
    expect(asKeptAside('kept-aside/local:x/abcd', 'raw')).toEqual({
      key: 'local:x/abcd',
      reason: 'unknown',
      at: 0,
      value: 'raw',
    });
    expect(asKeptAside('kept-aside/a', { key: 7, reason: 'r', at: 'then' })).toEqual({
      key: '7',
      reason: 'r',
      at: 0,
      value: undefined,
    });
  });
});

describe('readOrKeepAside', () => {
  const readNumber = (raw: unknown): RecordRead<number> =>
    typeof raw === 'number'
      ? { ok: true, value: raw, migrated: false }
      : { ok: false, problem: { code: 'no-version' } };

  function run(raw: unknown) {
    const kept: [string, KeptAsideRecord][] = [];
    let reads = 0;
    const value = readOrKeepAside(
      'local:count',
      raw,
      (stored) => {
        reads += 1;
        return readNumber(stored);
      },
      () => -1,
      (entry) => kept.push(entry),
      AT,
    );
    return { value, kept, reads };
  }

  it.each([undefined, null])('%s is absent: the fallback, nothing read and nothing kept', (raw) => {
    expect(run(raw)).toEqual({ value: -1, kept: [], reads: 0 });
  });

  it('a readable value is the value, nothing kept', () => {
    expect(run(7)).toEqual({ value: 7, kept: [], reads: 1 });
  });

  it('a readable 0 is the value, not the fallback', () => {
    expect(run(0).value).toBe(0);
  });

  it('an unreadable value: the fallback, and exactly one entry handed to keep', () => {
    const { value, kept } = run('seven');
    expect(value).toBe(-1);
    expect(kept).toEqual([keptAsideEntry('local:count', 'seven', { code: 'no-version' }, AT)]);
  });
});
