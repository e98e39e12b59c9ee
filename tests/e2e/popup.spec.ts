/**
 * The popup as her home, in the real browser at the largest size Chrome gives a popup (800×600;
 * ours is 360 wide): with a full day — three sites with time, an overall and a site limit, a
 * feed-free time in effect — today, the journal prompt with Write and Reflect, and her boundaries
 * with −5/+5 and "Edit boundaries" are all on the first screen, without scrolling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { dayKeyOf } from '../../utils/time/day';
import { EXTENSION_DIR, ExtensionSession } from './helpers/extension';

const MIN = 60_000;
const POPUP_HEIGHT = 600;

let session: ExtensionSession;
test.afterEach(async () => {
  await session?.close();
});

const clock = (date: Date) =>
  `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

for (const scheme of ['light', 'dark'] as const) {
  test(`the first screen holds today, the journal prompt and her boundaries (${scheme})`, async () => {
    session = await ExtensionSession.launch();
    const day = dayKeyOf(Date.now(), 4);
    await session.seedLedger([
      [`day/${day}`, { schemaVersion: 1, day, ms: { instagram: 14 * MIN, facebook: 6 * MIN, pinterest: 4 * MIN } }],
    ]);
    await session.setSettings({
      ...structuredClone(DEFAULT_SETTINGS),
      boundaries: {
        ...DEFAULT_SETTINGS.boundaries,
        dailyLimitMinutes: 30,
        siteLimits: { instagram: 15 },
        feedFreeWindows: [
          {
            id: 'now',
            start: clock(new Date(Date.now() - 30 * MIN)),
            end: clock(new Date(Date.now() + 60 * MIN)),
            days: [0, 1, 2, 3, 4, 5, 6],
            label: 'Bedtime routine',
          },
        ],
      },
    });
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 800, height: POPUP_HEIGHT });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(page.getByText('24 min in all')).toBeVisible();

    for (const locator of [
      page.locator('#today-heading'),
      page.getByText('6 min left today'),
      page.locator('.site-list li').nth(2),
      page.getByRole('heading', { name: 'Next feed-free time' }),
      page.locator('#journal-prompt'),
      page.getByRole('button', { name: 'Write', exact: true }),
      page.getByRole('button', { name: 'Reflect', exact: true }),
      page.getByRole('button', { name: 'Raise Instagram limit by 5 minutes' }),
      page.getByRole('button', { name: 'Edit boundaries' }),
    ]) {
      await expect(locator).toBeInViewport({ ratio: 1 });
    }
    const quickBottom = await page.locator('.quick').evaluate((element) => element.getBoundingClientRect().bottom);
    expect(quickBottom).toBeLessThanOrEqual(POPUP_HEIGHT);
  });
}

/** The scripts a page of the build runs before anything else: its entry, what it preloads, and their static imports. */
function firstScripts(html: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map(
    (match) => match[1],
  );
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    files.set(file, code);
    // Static imports only (`from"./x.js"`, `import"./x.js"`), not `import("./x.js")`.
    for (const match of code.matchAll(/(?:from|import)\s*["`]\.\/([^"`]+\.js)["`]/g))
      pending.push(`chunks/${match[1]}`);
  }
  return files;
}

test('the popup opens with its own styles in the page, without the ledger, and loading it later adds no style sheet', () => {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  expect(html).toContain('<style>');
  const linked = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((match) => match[1]);
  const first = [...firstScripts(html).values()].join('\n');
  // Its own code is there; the ledger's (its database store) is not…
  expect(first).toContain('popupOpenDashboard');
  expect(first).not.toMatch(/outside-the-frame[`'"],[`'"]ledger/);
  // …it is imported when wanted, and every style sheet that import names is one the page links
  // already (so none is added to the page again, after the popup's own rules).
  expect(first).toMatch(/import\(["`]\.\/ledgerStore-/);
  const named = [...first.matchAll(/assets\/[\w-]+\.css/g)].map((match) => match[0]);
  expect(named.length).toBeGreaterThan(0);
  for (const sheet of named) expect(linked).toContain(sheet);
});

test('the popup starts reading storage from its first script, which never holds the page up', () => {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]);
  // The first script of the page: the early read, a classic script loaded async (not a module,
  // which would wait for the document; not blocking, which would hold up the parser).
  expect(scripts[0]).toMatch(/src="\/popup-read\.js"/);
  expect(scripts[0]).toMatch(/\basync\b/);
  expect(scripts[0]).not.toContain('type="module"');
  const early = readFileSync(join(EXTENSION_DIR, 'popup-read.js'), 'utf8');
  expect(early).toContain('outsideTheFrameEarlyRead');
  expect(early.length).toBeLessThan(1_024);
  // The popup's own code takes that read.
  expect([...firstScripts(html).values()].join('\n')).toContain('outsideTheFrameEarlyRead');
});
