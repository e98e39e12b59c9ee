/**
 * The check-in after a long session, in the real browser: the popup asks about the session that
 * ended a few minutes ago, one tap answers, a note follows, and the answer is in the export.
 */
import { expect, test } from '@playwright/test';
import { dayKeyOf } from '../../utils/time/day';
import { ExtensionSession } from './helpers/extension';

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
});
test.afterAll(async () => {
  await session?.close();
});

test('the popup asks about a long session that ended; the answer and its note are in the export', async () => {
  const end = Date.now() - 10 * 60_000;
  const start = end - 26 * 60_000;
  const day = dayKeyOf(start, 4);
  await session.seedLedger([
    [
      `sessions/${day}`,
      {
        schemaVersion: 1,
        day,
        sessions: [{ id: `instagram-${start}`, site: 'instagram', day, start, end, activeMs: 26 * 60_000 }],
      },
    ],
  ]);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'How do you feel after 26 minutes on Instagram?' })).toBeVisible();
  await popup.getByRole('button', { name: 'A bit worse' }).click();
  await expect(popup.getByText('Thank you. It’s kept with that session, on this device.')).toBeFocused();
  await popup.getByLabel('Anything to add? (optional)').fill('Too many tidy kitchens.');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect(popup.getByText('Note saved.')).toBeVisible();
  await popup.getByRole('button', { name: 'Done' }).click();
  await expect(popup.getByRole('heading', { name: /How do you feel after/ })).toHaveCount(0);
  await popup.close();

  // Asked once: answered, it does not come back.
  const again = await session.context.newPage();
  await again.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await expect(again.getByRole('heading', { name: 'A moment for you' })).toBeVisible();
  await expect(again.getByRole('heading', { name: /How do you feel after/ })).toHaveCount(0);
  await again.close();

  const exported = await session.exportData();
  expect(exported.checkIns).toEqual([
    expect.objectContaining({
      site: 'instagram',
      sessionDay: day,
      activeSeconds: 26 * 60,
      askedWhere: 'popup',
      feeling: 'bit-worse',
      note: 'Too many tidy kitchens.',
    }),
  ]);
});
