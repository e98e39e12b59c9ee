/**
 * The journal in the real popup: what she writes is there when the popup opens again, saving
 * lists it and empties the place to write, and the entry is in the export.
 */
import { expect, test } from '@playwright/test';
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
  const box = popup.getByLabel('Your words, for you alone');
  await box.click();
  await popup.keyboard.type('We built a blanket fort and nobody filmed it.');
  // Closed at once after the last key: nothing waits for a pause in typing.
  await popup.close();

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

  // Reopened: the place to write is empty, the entry listed.
  popup = await session.context.newPage();
  await popup.goto(popupUrl);
  await expect(popup.locator('.journal-entry-text')).toHaveText(['We built a blanket fort and nobody filmed it.']);
  await expect(popup.getByLabel('Your words, for you alone')).toHaveValue('');
  await popup.close();

  const exported = await session.exportData();
  expect(exported.journal).toEqual([
    expect.objectContaining({ text: 'We built a blanket fort and nobody filmed it.', promptId: expect.any(String) }),
  ]);
});
