import { readdirSync, readFileSync, statSync } from 'node:fs';
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
