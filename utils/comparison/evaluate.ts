/**
 * How well the classifier agrees with labelled captions: precision and recall of the trap /
 * not-trap decision, the same per theme, and the captions it got wrong. Pure: it compares
 * labels with predictions made elsewhere, so it knows nothing of the classifier itself.
 */
import * as v from 'valibot';
import { LEXICON_THEMES, type LexiconTheme } from './classifier.ts';

export const LabelledCaptionSchema = v.pipe(
  v.strictObject({
    text: v.pipe(v.string(), v.minLength(1)),
    trap: v.boolean(),
    themes: v.array(v.picklist(LEXICON_THEMES)),
  }),
  v.check((caption) => caption.trap === caption.themes.length > 0, 'a trap has themes and an ordinary caption none'),
);
export type LabelledCaption = v.InferOutput<typeof LabelledCaptionSchema>;

/** What the classifier said about one caption (a Classification has these fields). */
export interface Prediction {
  trap: boolean;
  themes: readonly string[];
  matched?: readonly string[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Mistake {
  text: string;
  expected: readonly string[];
  predicted: readonly string[];
  matched: readonly string[];
}

export interface Evaluation extends Counts {
  total: number;
  trueNegatives: number;
  accuracy: number;
  perTheme: Record<LexiconTheme, Counts>;
  /** Flagged as a trap but labelled ordinary. */
  falseAlarms: Mistake[];
  /** Labelled a trap but not flagged. */
  misses: Mistake[];
  /** Flagged and labelled a trap, but with other themes. */
  wrongThemes: Mistake[];
}

/**
 * A share whose denominator may be 0. With nothing predicted, precision is 1 (no false alarm);
 * with nothing to find, recall is 1 (nothing missed).
 */
export const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

export function counts(truePositives: number, falsePositives: number, falseNegatives: number): Counts {
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** Compares labels with predictions, pairwise (the lists must be the same length). */
export function evaluate(labelled: readonly LabelledCaption[], predictions: readonly Prediction[]): Evaluation {
  if (labelled.length !== predictions.length) {
    throw new RangeError(`${labelled.length} labelled captions but ${predictions.length} predictions`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const theme = Object.fromEntries(LEXICON_THEMES.map((name) => [name, { tp: 0, fp: 0, fn: 0 }])) as Record<
    LexiconTheme,
    { tp: number; fp: number; fn: number }
  >;
  const falseAlarms: Mistake[] = [];
  const misses: Mistake[] = [];
  const wrongThemes: Mistake[] = [];
  labelled.forEach((label, index) => {
    const prediction = predictions[index] as Prediction;
    const mistake = (): Mistake => ({
      text: label.text,
      expected: label.themes,
      predicted: prediction.themes,
      matched: prediction.matched ?? [],
    });
    if (label.trap && prediction.trap) tp += 1;
    else if (prediction.trap) {
      fp += 1;
      falseAlarms.push(mistake());
    } else if (label.trap) {
      fn += 1;
      misses.push(mistake());
    } else tn += 1;
    let themesDiffer = false;
    for (const name of LEXICON_THEMES) {
      const expected = label.themes.includes(name);
      const predicted = prediction.themes.includes(name);
      if (expected && predicted) theme[name].tp += 1;
      else if (predicted) theme[name].fp += 1;
      else if (expected) theme[name].fn += 1;
      if (expected !== predicted) themesDiffer = true;
    }
    if (label.trap && prediction.trap && themesDiffer) wrongThemes.push(mistake());
  });
  const perTheme = Object.fromEntries(
    LEXICON_THEMES.map((name) => [name, counts(theme[name].tp, theme[name].fp, theme[name].fn)]),
  ) as Record<LexiconTheme, Counts>;
  return {
    ...counts(tp, fp, fn),
    total: labelled.length,
    trueNegatives: tn,
    accuracy: ratio(tp + tn, labelled.length),
    perTheme,
    falseAlarms,
    misses,
    wrongThemes,
  };
}

/** A caption line checked against LabelledCaptionSchema, for readJsonLines. */
export function labelledLine(value: unknown): LabelledCaption | { error: string } {
  const result = v.safeParse(LabelledCaptionSchema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { error: `${path ? `${path}: ` : ''}${issue.message}` };
}
