/**
 * How the comparison-trap classifier does: precision and recall on the labelled captions and
 * on the held-out captions (written after tuning, used only to report), per theme, and how many
 * posts a second it classifies. Figures, not assertions (the unit tests hold the floor).
 *
 *   node scripts/classifier-bench.ts [--runs=50000] [--mistakes] [--json]
 *
 * --mistakes lists the captions each set gets wrong; --json prints one JSON object instead.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classify, compileLexicon } from '../utils/comparison/classifier.ts';
import { type Evaluation, evaluate, type LabelledCaption, labelledLine } from '../utils/comparison/evaluate.ts';
import { readJsonLines } from '../utils/comparison/jsonLines.ts';
import { lexiconFor } from '../utils/comparison/lexicon.ts';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/comparison/', import.meta.url));
const SETS = [
  ['labelled', 'captions.en.jsonl'],
  ['held-out', 'holdout.en.jsonl'],
] as const;

const args = process.argv.slice(2);
const runsArg = args.find((arg) => arg.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 50_000;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs must be a whole number above 0');
  process.exit(2);
}

function load(file: string): LabelledCaption[] {
  const lines = readJsonLines(readFileSync(`${FIXTURES}${file}`, 'utf8'), labelledLine);
  const errors = lines.flatMap((line) => ('error' in line ? [`${file} ${line.error}`] : []));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return lines.flatMap((line) => ('value' in line ? [line.value] : []));
}

const lexicon = lexiconFor('en');
const compileStart = performance.now();
const compiled = compileLexicon(lexicon);
const compileMs = performance.now() - compileStart;

const results: Record<string, Evaluation> = {};
const texts: string[] = [];
for (const [name, file] of SETS) {
  let captions: LabelledCaption[];
  try {
    captions = load(file);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') continue;
    throw error;
  }
  texts.push(...captions.map((caption) => caption.text));
  results[name] = evaluate(
    captions,
    captions.map((caption) => classify(caption.text, compiled)),
  );
}

// Throughput: cycle through every caption until `runs` classifications, after a warm-up.
for (let i = 0; i < 2000; i += 1) classify(texts[i % texts.length] as string, compiled);
const start = performance.now();
let flagged = 0;
for (let i = 0; i < runs; i += 1) if (classify(texts[i % texts.length] as string, compiled).trap) flagged += 1;
const elapsedMs = performance.now() - start;
const postsPerSecond = Math.round((runs / elapsedMs) * 1000);

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

if (args.includes('--json')) {
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, result]) => [
      name,
      { total: result.total, precision: result.precision, recall: result.recall, f1: result.f1 },
    ]),
  );
  console.log(JSON.stringify({ ...summary, runs, elapsedMs, postsPerSecond, compileMs, flagged }));
} else {
  for (const [name, result] of Object.entries(results)) {
    console.log(
      `${name}: ${result.total} captions — precision ${pct(result.precision)} ` +
        `(${result.truePositives}/${result.truePositives + result.falsePositives}), recall ${pct(result.recall)} ` +
        `(${result.truePositives}/${result.truePositives + result.falseNegatives}), F1 ${pct(result.f1)}`,
    );
    for (const [theme, figures] of Object.entries(result.perTheme)) {
      console.log(
        `  ${theme.padEnd(18)} precision ${pct(figures.precision).padStart(6)}  recall ${pct(figures.recall).padStart(6)}`,
      );
    }
    if (args.includes('--mistakes')) {
      const lists = [
        ['false alarm', result.falseAlarms],
        ['missed', result.misses],
        ['wrong themes', result.wrongThemes],
      ] as const;
      for (const [label, list] of lists) {
        for (const mistake of list) {
          console.log(`  ${label}: ${mistake.text}`);
          console.log(
            `    expected ${mistake.expected.join(',') || '-'}; got ${mistake.predicted.join(',') || '-'} ` +
              `[${mistake.matched.join(' | ')}]`,
          );
        }
      }
    }
  }
  console.log(
    `throughput: ${runs} classifications in ${elapsedMs.toFixed(0)} ms = ` +
      `${postsPerSecond.toLocaleString('en')} posts/s (compiling the lexicon: ${compileMs.toFixed(2)} ms)`,
  );
}
