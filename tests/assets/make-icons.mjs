// Renders public/icon/icon.svg to public/icon/{16,32,48,96,128}.png with headless Chromium.
// Usage: cd /work/main && source .ci/node.sh >/dev/null && node tests/assets/make-icons.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const iconDir = join(root, 'public', 'icon');
const source = await readFile(join(iconDir, 'icon.svg'), 'utf8');

// size -> { art: rendered artwork size, small: use the bold small-size variant }
// 128 follows Chrome Web Store guidance: 96×96 artwork centered with 16 px transparent padding.
const targets = [
  { size: 16, art: 16, small: true },
  { size: 32, art: 32, small: true },
  { size: 48, art: 48, small: false },
  { size: 96, art: 96, small: false },
  { size: 128, art: 96, small: false },
];

function svgAt(art, small) {
  return source
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<svg\b([^>]*?)\swidth="[^"]*"/, '<svg$1')
    .replace(/<svg\b([^>]*?)\sheight="[^"]*"/, '<svg$1')
    .replace(/<svg\b/, `<svg width="${art}" height="${art}"${small ? ' class="small"' : ''}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const { size, art, small } of targets) {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.setViewportSize({ width: size, height: size });
    const pad = (size - art) / 2;
    await page.setContent(
      `<!doctype html><html><head><style>
        html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
        svg { display: block; position: absolute; left: ${pad}px; top: ${pad}px; }
      </style></head><body>${svgAt(art, small)}</body></html>`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    const out = join(iconDir, `${size}.png`);
    await writeFile(out, png);
    console.log(`wrote ${out.slice(root.length + 1)} (${size}×${size}${small ? ', bold variant' : ''})`);
    await context.close();
  }
} finally {
  await browser.close();
}
