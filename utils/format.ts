/** Arithmetic on durations for the UI; the words for them are in components/text/format.ts. Pure. */

export function wholeMinutes(ms: number): number {
  return Math.floor(ms / 60_000);
}

export function sumValues(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, value) => sum + value, 0);
}
