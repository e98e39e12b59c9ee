import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';

const ROOT = join(__dirname, '../..');
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const files = [...sourceFiles('entrypoints'), ...sourceFiles('components'), ...sourceFiles('utils'), 'wxt.config.ts'];
const source = files.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');

const used = new Set([
  ...[...source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1] as string),
  ...[...source.matchAll(/getMessage\('([A-Za-z0-9_]+)'/g)].map((m) => m[1] as string),
  ...[...source.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1] as string),
]);

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

/** What a locale lacks or adds against English: keys, and placeholders per key. */
function localeDifferences(english: Messages, other: Messages): string[] {
  const differences: string[] = [];
  for (const key of Object.keys(english)) {
    const theirs = other[key];
    if (!theirs) {
      differences.push(`missing ${key}`);
      continue;
    }
    const ours = Object.keys(english[key]?.placeholders ?? {}).sort();
    const their = Object.keys(theirs.placeholders ?? {}).sort();
    if (ours.join() !== their.join())
      differences.push(`${key}: placeholders ${their.join() || 'none'}, not ${ours.join() || 'none'}`);
  }
  for (const key of Object.keys(other)) if (!(key in english)) differences.push(`extra ${key}`);
  return differences;
}

const LOCALES = join(ROOT, 'public/_locales');
const locales = readdirSync(LOCALES).filter((name) => existsSync(join(LOCALES, name, 'messages.json')));

describe('locales', () => {
  it('finds the English messages among the locale folders', () => {
    expect(locales).toContain('en');
  });

  it.each(locales.filter((name) => name !== 'en'))('%s has exactly the keys and placeholders of en', (name) => {
    const other = JSON.parse(readFileSync(join(LOCALES, name, 'messages.json'), 'utf8')) as Messages;
    expect(localeDifferences(messages as Messages, other)).toEqual([]);
  });

  it('notices a missing key, an extra key and a swapped placeholder', () => {
    const english: Messages = {
      a: { message: '$N$ min', placeholders: { n: { content: '$1' } } },
      b: { message: 'B' },
    };
    const other: Messages = {
      a: { message: '$M$ min', placeholders: { m: { content: '$1' } } },
      c: { message: 'C' },
    };
    expect(localeDifferences(english, other)).toEqual(['a: placeholders m, not n', 'missing b', 'extra c']);
  });
});

describe('messages', () => {
  it('finds the keys the code uses (sanity check of this test)', () => {
    expect(used.has('extName')).toBe(true);
    expect(used.has('dashboardExportButton')).toBe(true);
  });

  it.each([...used])('"%s" exists in the English messages', (key) => {
    expect(messages).toHaveProperty(key);
  });

  it.each(Object.entries(messages))('"%s" declares every placeholder it uses', (_key, entry) => {
    const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] as string).toLowerCase());
    const declared = Object.keys((entry as { placeholders?: object }).placeholders ?? {});
    expect(named.sort()).toEqual(declared.sort());
  });
});
