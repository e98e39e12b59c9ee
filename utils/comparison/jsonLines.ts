/**
 * Reading JSON Lines (one JSON value per line) without stopping at a bad line: each line is
 * read on its own and a malformed one becomes an error naming its line number. Pure.
 */

export type JsonLine<T> = { line: number; value: T } | { line: number; error: string };

/**
 * One JSON line checked by `check` (which returns the value, or an error message). Blank lines
 * give `undefined` and are skipped by readJsonLines.
 */
export function readJsonLine<T>(
  source: string,
  line: number,
  check: (value: unknown) => T | { error: string },
): JsonLine<T> | undefined {
  const trimmed = source.trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { line, error: `line ${line}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const checked = check(value);
  if (checked !== null && typeof checked === 'object' && 'error' in checked && typeof checked.error === 'string') {
    return { line, error: `line ${line}: ${checked.error}` };
  }
  return { line, value: checked as T };
}

/** Every non-blank line of `text`, in order, numbered from 1. */
export function readJsonLines<T>(text: string, check: (value: unknown) => T | { error: string }): JsonLine<T>[] {
  const out: JsonLine<T>[] = [];
  text.split(/\r?\n/).forEach((source, index) => {
    const read = readJsonLine(source, index + 1, check);
    if (read) out.push(read);
  });
  return out;
}

/** A `{"text": "..."}` line (other fields are ignored). */
export function textLine(value: unknown): { text: string } | { error: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'expected an object' };
  const { text } = value as { text?: unknown };
  return typeof text === 'string' ? { text } : { error: 'expected "text" to be a string' };
}
