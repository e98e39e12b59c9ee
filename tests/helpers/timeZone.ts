/** Runs each test of the calling file in `zone` (Node applies a changed TZ at once), then restores it. */
import { afterEach, beforeEach } from 'vitest';

export function useTimeZone(zone: string): void {
  const original = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
}
