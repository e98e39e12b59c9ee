/**
 * Classifies post texts from the command line, one JSON line in, one JSON line out:
 *
 *   npm run classify -- [--lang=en] [--trigger=WORD ...] FILE|-
 *
 * Each input line is `{"text": "..."}` (other fields are ignored; blank lines are skipped);
 * each output line is `{"text","trap","themes","matched"}`. `-` reads standard input.
 * `--trigger` adds one of her own trigger words or phrases (repeatable). A malformed line is
 * reported on stderr with its line number and skipped; the exit code is then 1.
 * Runs with Node's own type stripping (Node 22.18+/24): relative imports only.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { classify, compileLexicon } from '../utils/comparison/classifier.ts';
import { readJsonLine, textLine } from '../utils/comparison/jsonLines.ts';
import { LEXICON_LANGS, lexiconFor } from '../utils/comparison/lexicon.ts';

const USAGE = 'usage: npm run classify -- [--lang=en] [--trigger=WORD ...] FILE|-';

function fail(message: string): never {
  process.stderr.write(`classify: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let lang = 'en';
const triggers: string[] = [];
const files: string[] = [];
for (const arg of process.argv.slice(2)) {
  if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  else if (arg.startsWith('--trigger=')) {
    const trigger = arg.slice('--trigger='.length).trim();
    if (trigger === '') fail('--trigger needs a word, as in --trigger=gender reveal');
    triggers.push(trigger);
  } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
  else files.push(arg);
}
if (files.length !== 1) fail(files.length === 0 ? 'name a file, or - for standard input' : 'name one file');
if (!LEXICON_LANGS.includes(lang.split(/[-_]/)[0]?.toLowerCase() ?? '')) {
  process.stderr.write(`classify: no lexicon for "${lang}", using English\n`);
}

const file = files[0] as string;
const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
input.on('error', (error) => fail(`cannot read ${file}: ${error.message}`));

const compiled = compileLexicon(lexiconFor(lang));
let lineNumber = 0;
let malformed = 0;
for await (const source of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
  lineNumber += 1;
  const read = readJsonLine(source, lineNumber, textLine);
  if (!read) continue;
  if ('error' in read) {
    malformed += 1;
    process.stderr.write(`classify: ${file === '-' ? 'stdin' : file} ${read.error}\n`);
    continue;
  }
  const { text } = read.value;
  process.stdout.write(`${JSON.stringify({ text, ...classify(text, compiled, triggers) })}\n`);
}
if (malformed > 0) {
  process.stderr.write(`classify: ${malformed} malformed line${malformed === 1 ? '' : 's'} skipped\n`);
  process.exitCode = 1;
}
