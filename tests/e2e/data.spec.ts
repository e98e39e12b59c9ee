/**
 * Her data in the real browser: export, delete all, import that export, and the next export is
 * the same; a malformed file says what is wrong and changes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type { ExportFile } from '../../utils/storage/exportData';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { dayKeyOf } from '../../utils/time/day';
import { ExtensionSession } from './helpers/extension';

let session: ExtensionSession;
const folder = mkdtempSync(join(tmpdir(), 'otf-import-'));
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
});
test.afterAll(async () => {
  await session?.close();
});

const withoutTime = ({ exportedAt: _at, ...rest }: ExportFile) => rest;

async function importFile(page: Page, file: string, mode: 'Add it' | 'Replace') {
  await page.getByLabel('Import data from a file').setInputFiles(file);
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('export, delete all, import: the same data back', async () => {
  // Some history: a day of time and a session, a journal entry, a hidden account, her settings.
  const end = Date.now() - 30 * 60_000;
  const day = dayKeyOf(end, 4);
  await session.seedLedger([
    [`day/${day}`, { schemaVersion: 1, day, ms: { instagram: 754_200, x: 61_300 } }],
    [
      `sessions/${day}`,
      {
        schemaVersion: 1,
        day,
        sessions: [
          { id: `instagram-${end - 754_200}`, site: 'instagram', day, start: end - 754_200, end, activeMs: 754_200 },
        ],
      },
    ],
  ]);
  await session.setSettings({
    ...structuredClone(DEFAULT_SETTINGS),
    boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 30, siteLimits: { instagram: 15 } },
  });
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Write', exact: true }).click();
  await popup.getByLabel('Your words, for you alone').fill('Kept across the round trip <3');
  await popup.getByRole('button', { name: 'Save in journal' }).click();
  await expect(popup.locator('.journal-entry-text')).toHaveCount(1);
  await popup.close();

  const before = await session.exportData();
  expect(before.journal).toHaveLength(1);
  const file = join(folder, 'export.json');
  writeFileSync(file, JSON.stringify(before, null, 2));

  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Everything is deleted.' })).toBeVisible();
  expect(withoutTime(await session.exportData())).not.toEqual(withoutTime(before));

  await page.reload();
  await importFile(page, file, 'Replace');
  await page.close();
  await expect.poll(async () => withoutTime(await session.exportData())).toEqual(withoutTime(before));
});

test('a malformed file says what is wrong and changes nothing', async () => {
  const before = await session.exportData();
  const bad = join(folder, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...before, activeTime: [{ day: '2026-02-30', site: 'instagram', seconds: 5 }] }));
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await page.getByLabel('Import data from a file').setInputFiles(bad);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Part of this file can’t be read (at “activeTime.0.day”). Nothing was changed.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await page.close();
  expect(withoutTime(await session.exportData())).toEqual(withoutTime(before));
});
