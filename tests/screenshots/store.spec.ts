/**
 * `npm run screenshots` also makes the store listing's pictures in `store/`, from the README
 * pictures it has just taken of the built extension (so they follow the UI): five 1280×800
 * screenshots — the popup, a reminder card on a feed, the boundary screen, the reflection and
 * the dashboard — and the 440×280 promo tile. Each is a calm stage: a short caption beside the
 * real picture, or the real picture alone where it already fills 1280×800.
 * Runs after screenshots.spec.ts (files run in name order, one worker).
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_PATH, PROJECT_ROOT } from '../e2e/helpers/extension';

const DOCS = join(PROJECT_ROOT, 'docs');
const STORE = join(PROJECT_ROOT, 'store');

const dataUrl = (file: string) => `data:image/png;base64,${readFileSync(join(DOCS, file)).toString('base64')}`;

const STAGE_CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; width: 1280px; height: 800px; overflow: hidden; font-family: system-ui, sans-serif;
    background: #f6f2ec; color: #2b2a33; display: flex; align-items: center; gap: 64px; padding: 0 88px; }
  .words { flex: 0 0 380px; }
  h1 { font-size: 40px; line-height: 1.15; margin: 0 0 20px; font-weight: 650; }
  p { font-size: 21px; line-height: 1.45; margin: 0; color: #55535e; }
  .picture { flex: 1; height: 720px; display: flex; align-items: center; justify-content: center; }
  img { max-width: 100%; max-height: 720px; border-radius: 14px; box-shadow: 0 10px 40px rgb(0 0 0 / 16%);
    object-fit: cover; object-position: top; background: #fff; }
`;

/** A caption beside a picture; `width` shows a tall picture (the popup) larger, cropped to its first screen. */
function stage(title: string, line: string, picture: string, width?: number) {
  const crop = width ? `style="width:${width}px;height:720px"` : '';
  return `<!doctype html><html lang="en"><head><style>${STAGE_CSS}</style></head><body>
    <div class="words"><h1>${title}</h1><p>${line}</p></div>
    <div class="picture"><img ${crop} src="${dataUrl(picture)}" alt=""></div></body></html>`;
}

const TILE = `<!doctype html><html lang="en"><head><style>
  body { margin: 0; width: 440px; height: 280px; overflow: hidden; font-family: system-ui, sans-serif;
    background: #3f5273; color: #fff; display: grid; align-content: center; padding: 0 40px; box-sizing: border-box; }
  .frame { position: absolute; inset: 22px; border: 2px solid rgb(255 255 255 / 35%); border-radius: 18px; }
  h1 { font-size: 38px; margin: 0 0 10px; font-weight: 650; line-height: 1.1; }
  p { font-size: 18px; margin: 0; line-height: 1.35; color: #dfe6f2; }
</style></head><body><div class="frame"></div><h1>Outside the Frame</h1>
  <p>Less comparing, more of your own day. Time, limits and gentle reminders for social feeds.</p></body></html>`;

test('store listing pictures from the README pictures', async () => {
  for (const file of ['popup.png', 'reminder.png', 'boundary.png', 'popup-reflect-1.png', 'dashboard-chart.png']) {
    expect(existsSync(join(DOCS, file)), `${file} (run the README pictures first)`).toBe(true);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const shots: [string, string][] = [
      [
        '1-popup.png',
        stage(
          'Today, at a glance',
          'Your minutes on feeds, the time left in the limits you chose, your journal prompt and your boundaries — one click away.',
          'popup.png',
          // 1.2 times the popup's 360 px: the 720 px shown are its first 600, what she sees on opening.
          432,
        ),
      ],
      [
        '4-reflection.png',
        stage(
          'A moment to reflect',
          'One click to note how the feed left you. Say a little more if you like; nothing leaves your device.',
          'popup-reflect-1.png',
        ),
      ],
      [
        '5-dashboard.png',
        stage(
          'What the weeks say',
          'Minutes per site, how you felt after sessions, and insights in plain words.',
          'dashboard-chart.png',
        ),
      ],
    ];
    for (const [name, html] of shots) {
      await page.setContent(html);
      await page.screenshot({ path: join(STORE, name) });
    }
    // Already a whole 1280×800 feed page with the card or screen on it.
    copyFileSync(join(DOCS, 'reminder.png'), join(STORE, '2-reminder.png'));
    copyFileSync(join(DOCS, 'boundary.png'), join(STORE, '3-boundary.png'));
    await page.setViewportSize({ width: 440, height: 280 });
    await page.setContent(TILE);
    await page.screenshot({ path: join(STORE, 'promo-tile.png') });
  } finally {
    await browser.close();
  }
});
