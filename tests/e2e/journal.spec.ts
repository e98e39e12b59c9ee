/**
 * The journal in the real popup: what she writes is there when the popup opens again, saving
 * lists it and empties the place to write, and the entry is in the export.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { ExtensionSession } from './helpers/extension';

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
});
test.afterAll(async () => {
  await session?.close();
});

test('a draft survives closing the popup; saving lists it and puts it in the export', async () => {
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  let popup = await session.context.newPage();
  await popup.goto(popupUrl);
  const prompt = await popup.locator('#journal-prompt').textContent();
  expect(prompt?.length).toBeGreaterThan(20);
  // The prompt first; "Write" opens the place to write, ready for her words.
  await expect(popup.getByLabel('Your words, for you alone')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Write', exact: true }).click();
  await expect(popup.getByLabel('Your words, for you alone')).toBeFocused();
  await popup.keyboard.type('We built a blanket fort and nobody filmed it.');
  // Closed at once after the last key: nothing waits for a pause in typing.
  await popup.close();

  // Reopened: her draft is there, already open.
  popup = await session.context.newPage();
  await popup.goto(popupUrl);
  await expect(popup.getByLabel('Your words, for you alone')).toHaveValue(
    'We built a blanket fort and nobody filmed it.',
  );
  await expect(popup.locator('#journal-prompt')).toHaveText(prompt ?? '');

  await popup.getByRole('button', { name: 'Save in journal' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Saved in your journal.' })).toBeVisible();
  await expect(popup.locator('.journal-entry-text')).toHaveText(['We built a blanket fort and nobody filmed it.']);
  await expect(popup.getByLabel('Your words, for you alone')).toHaveValue('');
  await popup.close();

  // Reopened: the prompt and "Write"; the place to write is empty, the entry listed.
  popup = await session.context.newPage();
  await popup.goto(popupUrl);
  await popup.getByRole('button', { name: 'Write', exact: true }).click();
  await expect(popup.locator('.journal-entry-text')).toHaveText(['We built a blanket fort and nobody filmed it.']);
  await expect(popup.getByLabel('Your words, for you alone')).toHaveValue('');
  await popup.close();

  const exported = await session.exportData();
  expect(exported.journal).toEqual([
    expect.objectContaining({ text: 'We built a blanket fort and nobody filmed it.', promptId: expect.any(String) }),
  ]);
});

test('Delete all data leaves nothing: the next export is empty and the settings are the defaults', async () => {
  const before = await session.exportData();
  expect(before.journal.length).toBeGreaterThan(0);
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await expect(page.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Everything is deleted.' })).toBeVisible();
  await page.close();
  const after = await session.exportData();
  expect(after.journal).toEqual([]);
  expect(after.activeTime).toEqual([]);
  expect(after.accounts).toEqual([]);
  expect(after.settings).toEqual(DEFAULT_SETTINGS);
  expect(await session.localItem('journalDraft')).toBeUndefined();
});
