#!/usr/bin/env node
/**
 * The size budget of the scripts injected into every feed page: the gzipped size of each file
 * in .output/chrome-mv3/content-scripts/ and their total. Build first (`npm run build`).
 *
 *   node tests/bench/size.mjs           print the sizes
 *   node tests/bench/size.mjs --check   also exit 1 when the total is over the budget
 *
 * The budget is 30 KB gzipped in all.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 30 * 1024;
export const CONTENT_SCRIPTS_DIR = fileURLToPath(new URL('../../.output/chrome-mv3/content-scripts', import.meta.url));

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** Raw and gzipped (level 9, as a store or CDN would serve it) size of each content script file. */
export function contentScriptSizes(dir = CONTENT_SCRIPTS_DIR) {
  const files = filesUnder(dir).map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dir, path),
      rawBytes: statSync(path).size,
      gzipBytes: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
    };
  });
  const totalGzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
  const totalRawBytes = files.reduce((sum, file) => sum + file.rawBytes, 0);
  return { files, totalRawBytes, totalGzipBytes, budgetBytes: CONTENT_SCRIPT_BUDGET_BYTES };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

export function printContentScriptSizes(sizes) {
  const width = Math.max(5, ...sizes.files.map((file) => file.file.length));
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
  for (const file of sizes.files) {
    console.log(`${file.file.padEnd(width)}  ${kb(file.rawBytes).padStart(10)}  ${kb(file.gzipBytes).padStart(10)}`);
  }
  const verdict =
    sizes.totalGzipBytes <= sizes.budgetBytes
      ? 'within budget'
      : `OVER the budget by ${kb(sizes.totalGzipBytes - sizes.budgetBytes)}`;
  console.log(
    `${'total'.padEnd(width)}  ${kb(sizes.totalRawBytes).padStart(10)}  ${kb(sizes.totalGzipBytes).padStart(10)}` +
      `  (budget ${kb(sizes.budgetBytes)} gzipped: ${verdict})`,
  );
}

function main() {
  const check = process.argv.includes('--check');
  let sizes;
  try {
    sizes = contentScriptSizes();
  } catch (error) {
    console.error(
      `No content scripts in ${CONTENT_SCRIPTS_DIR} (${error.code ?? error}). Run \`npm run build\` first.`,
    );
    process.exit(1);
  }
  if (sizes.files.length === 0) {
    console.error(`${CONTENT_SCRIPTS_DIR} is empty. Run \`npm run build\` first.`);
    process.exit(1);
  }
  printContentScriptSizes(sizes);
  if (check && sizes.totalGzipBytes > sizes.budgetBytes) {
    console.error(
      `Content scripts are ${sizes.totalGzipBytes} bytes gzipped, over the ${sizes.budgetBytes}-byte budget.`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
