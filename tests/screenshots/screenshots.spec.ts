/**
 * `npm run screenshots`: the pictures in the README, made from the built extension in the
 * real browser with example data, so they stay true as the UI changes.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ExtensionSession, PROJECT_ROOT } from '../e2e/helpers/extension';

const DOCS = join(PROJECT_ROOT, 'docs');
const MIN = 60_000;
/** Example day: what a mother might see mid-afternoon. */
const EXAMPLE_TODAY = { instagram: 14 * MIN + 20_000, facebook: 6 * MIN + 5_000, pinterest: 3 * MIN + 40_000 };

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
});
test.afterAll(async () => {
  await session.close();
});

async function seedToday(ms: Record<string, number>) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.evaluate(async (totals) => {
    const now = new Date();
    const local = now.getHours() < 4 ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12) : now;
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('outside-the-frame');
      open.onupgradeneeded = () => open.result.createObjectStore('ledger');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('ledger', 'readwrite');
        tx.objectStore('ledger').put({ schemaVersion: 1, day, ms: totals }, `day/${day}`);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  }, ms);
  await page.close();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup (${scheme})`, async () => {
    await seedToday(EXAMPLE_TODAY);
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 340, height: 420 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(page.getByText('24 min in all')).toBeVisible();
    await page.locator('main').screenshot({ path: join(DOCS, scheme === 'light' ? 'popup.png' : 'popup-dark.png') });
    await page.close();
  });
}
