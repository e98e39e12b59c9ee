/**
 * Time zones in tests: Node applies a changed `TZ` at once. `useTimeZone` runs each test of
 * the calling file (or describe block) in `zone`, and always puts the original zone back;
 * `switchTimeZone` moves a running test to another zone (restored by `useTimeZone`).
 */
import { afterEach, beforeEach } from 'vitest';

export function switchTimeZone(zone: string): void {
  process.env.TZ = zone;
}

/** Without a zone, only restores the original after each test (for tests that switch). */
export function useTimeZone(zone?: string): void {
  const original = process.env.TZ;
  if (zone !== undefined) beforeEach(() => switchTimeZone(zone));
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
}
