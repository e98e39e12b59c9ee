/** Plain-words formatting of time for the UI. Pure. */

export function wholeMinutes(ms: number): number {
  return Math.floor(ms / 60_000);
}

/** "under 1 min", "7 min", "1 h 05 min" — given the message texts for the first two. */
export function formatDuration(ms: number, words: { underAMinute: string; minutes: (n: number) => string }): string {
  const minutes = wholeMinutes(ms);
  if (minutes < 1) return ms > 0 ? words.underAMinute : words.minutes(0);
  if (minutes < 60) return words.minutes(minutes);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function sumValues(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, value) => sum + value, 0);
}
