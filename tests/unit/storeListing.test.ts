import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const listing = readFileSync(join(ROOT, 'store/listing.md'), 'utf8');
const section = (title: string) => listing.split(/^## /m).find((part) => part.startsWith(title)) ?? '';

describe('the store listing', () => {
  it('has a short description within the Chrome Web Store’s 132 characters', () => {
    const short = section('Short description').split('\n\n')[1]?.trim() ?? '';
    expect(short.length).toBeGreaterThan(40);
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it('justifies every permission the manifest asks for', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const permissions = JSON.parse((/permissions: (\[[^\]]*\])/.exec(config)?.[1] ?? '[]').replaceAll("'", '"'));
    expect(permissions.length).toBeGreaterThan(2);
    const why = section('Permissions');
    for (const permission of permissions) expect(why, permission).toContain(`**${permission}**`);
    expect(why).toContain('https://*/*');
  });

  it('makes no medical claims', () => {
    expect(listing).not.toMatch(/\b(cure|treat|therapy|diagnos|depression|anxiety disorder|clinically)/i);
  });
});
