import { describe, expect, it } from 'vitest';
import { type Migrations, migrate, readDaySessions, readTrackingState } from '@/utils/storage/records';

describe('migrate', () => {
  const steps: Migrations = {
    1: (record) => ({ ...record, minutes: record.seconds }),
    2: ({ minutes, ...rest }) => ({ ...rest, ms: Number(minutes) * 1000 }),
  };

  it('walks every step up to the current version', () => {
    expect(migrate({ schemaVersion: 1, seconds: 5 }, steps, 3)).toEqual({
      ok: true,
      migrated: true,
      value: { schemaVersion: 3, seconds: 5, ms: 5000 },
    });
  });

  it('leaves a current record alone', () => {
    expect(migrate({ schemaVersion: 3, ms: 1 }, steps, 3)).toEqual({
      ok: true,
      migrated: false,
      value: { schemaVersion: 3, ms: 1 },
    });
  });

  it.each([
    [null, 'not an object'],
    [[1, 2], 'not an object'],
    [{ schemaVersion: '1' }, 'missing or invalid schemaVersion'],
    [{ schemaVersion: 0 }, 'missing or invalid schemaVersion'],
    [{ schemaVersion: 1.5 }, 'missing or invalid schemaVersion'],
    [{ schemaVersion: 4 }, 'written by a newer version (schema 4)'],
  ])('refuses %j: %s', (value, reason) => {
    expect(migrate(value, steps, 3)).toEqual({ ok: false, reason });
  });

  it('says so when a step is missing', () => {
    expect(migrate({ schemaVersion: 1 }, { 2: (r) => r }, 3)).toEqual({
      ok: false,
      reason: 'no migration from schema 1',
    });
  });
});

describe('record readers', () => {
  it('reads valid sessions and refuses a session that ends before it starts', () => {
    const session = { id: 'x-1', site: 'x', day: '2026-11-22', start: 10, end: 20, activeMs: 10 };
    expect(readDaySessions({ schemaVersion: 1, day: '2026-11-22', sessions: [session] }, '2026-11-22').ok).toBe(true);
    expect(
      readDaySessions({ schemaVersion: 1, day: '2026-11-22', sessions: [{ ...session, end: 5 }] }, '2026-11-22'),
    ).toEqual({ ok: false, reason: 'invalid sessions' });
  });

  it.each([
    [{ schemaVersion: 1, counted: [[5, 1]], latestSession: {} }, 'invalid counted time'],
    [{ schemaVersion: 1, counted: [], latestSession: [] }, 'invalid latest sessions'],
    [{ schemaVersion: 1, counted: [], latestSession: { x: { id: 1, day: '2026-11-22' } } }, 'invalid latest sessions'],
  ])('refuses a broken tracking state %#', (value, reason) => {
    expect(readTrackingState(value)).toEqual({ ok: false, reason });
  });
});
