import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, LEXICON_THEMES } from '@/utils/comparison/classifier';
import { counts, evaluate, type LabelledCaption, labelledLine, ratio } from '@/utils/comparison/evaluate';
import { readJsonLines, textLine } from '@/utils/comparison/jsonLines';
import { lexiconFor } from '@/utils/comparison/lexicon';

const FIXTURES = join(import.meta.dirname, '../../fixtures/comparison');

const caption = (text: string, ...themes: LabelledCaption['themes']): LabelledCaption => ({
  text,
  trap: themes.length > 0,
  themes,
});
const said = (...themes: string[]) => ({ trap: themes.length > 0, themes, matched: themes.map((t) => `${t}!`) });

describe('ratio and counts', () => {
  it('divides, and says 1 when there is nothing to divide', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBe(1);
  });

  it('precision, recall and F1 from the three counts', () => {
    const result = counts(8, 2, 8);
    expect(result.precision).toBeCloseTo(0.8);
    expect(result.recall).toBeCloseTo(0.5);
    expect(result.f1).toBeCloseTo((2 * 0.8 * 0.5) / 1.3);
    expect(counts(0, 3, 2).f1).toBe(0);
  });
});

describe('evaluate', () => {
  const labelled = [
    caption('a', 'spotless-home'), // found
    caption('b', 'do-it-all'), // found with the wrong theme
    caption('c', 'lavish-lifestyle'), // missed
    caption('d'), // false alarm
    caption('e'), // rightly left alone
    caption('f'), // rightly left alone
  ];
  const predictions = [
    said('spotless-home'),
    said('perfect-routine'),
    said(),
    said('lavish-lifestyle'),
    said(),
    said(),
  ];
  const result = evaluate(labelled, predictions);

  it('counts the trap decision', () => {
    expect(result).toMatchObject({
      total: 6,
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 2,
    });
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.accuracy).toBeCloseTo(4 / 6);
  });

  it('counts each theme apart', () => {
    expect(result.perTheme['spotless-home']).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
    expect(result.perTheme['do-it-all']).toMatchObject({ truePositives: 0, falseNegatives: 1, recall: 0 });
    expect(result.perTheme['perfect-routine']).toMatchObject({ falsePositives: 1, precision: 0 });
    expect(result.perTheme['lavish-lifestyle']).toMatchObject({
      truePositives: 0,
      falsePositives: 1,
      falseNegatives: 1,
    });
    expect(result.perTheme['perfect-children']).toMatchObject({ precision: 1, recall: 1 });
  });

  it('lists the captions it got wrong, with what was matched', () => {
    expect(result.falseAlarms).toEqual([
      { text: 'd', expected: [], predicted: ['lavish-lifestyle'], matched: ['lavish-lifestyle!'] },
    ]);
    expect(result.misses.map((mistake) => mistake.text)).toEqual(['c']);
    expect(result.wrongThemes).toEqual([
      { text: 'b', expected: ['do-it-all'], predicted: ['perfect-routine'], matched: ['perfect-routine!'] },
    ]);
  });

  it('refuses lists of different lengths', () => {
    expect(() => evaluate(labelled, predictions.slice(1))).toThrow(RangeError);
  });
});

describe('reading JSON lines', () => {
  it('numbers lines from 1, skips blank ones and goes on after a bad one', () => {
    const lines = readJsonLines('{"text":"a"}\n\n{oops\n{"text":2}\r\n[]\n{"text":"b","x":1}', textLine);
    expect(lines).toEqual([
      { line: 1, value: { text: 'a' } },
      { line: 3, error: expect.stringMatching(/^line 3: not valid JSON/) },
      { line: 4, error: 'line 4: expected "text" to be a string' },
      { line: 5, error: 'line 5: expected an object' },
      { line: 6, value: { text: 'b' } },
    ]);
  });

  it('checks labelled captions: known themes, and themes exactly when a trap', () => {
    expect(labelledLine({ text: 'x', trap: true, themes: ['spotless-home'] })).toEqual({
      text: 'x',
      trap: true,
      themes: ['spotless-home'],
    });
    expect(labelledLine({ text: 'x', trap: true, themes: [] })).toHaveProperty('error');
    expect(labelledLine({ text: 'x', trap: false, themes: ['do-it-all'] })).toHaveProperty('error');
    expect(labelledLine({ text: 'x', trap: true, themes: ['messy-home'] })).toHaveProperty('error');
    expect(labelledLine({ text: 'x', trap: false })).toHaveProperty('error');
  });
});

function loadSet(file: string): LabelledCaption[] {
  const lines = readJsonLines(readFileSync(join(FIXTURES, file), 'utf8'), labelledLine);
  expect(lines.filter((line) => 'error' in line)).toEqual([]);
  return lines.flatMap((line) => ('value' in line ? [line.value] : []));
}

describe('the labelled English captions', () => {
  const captions = loadSet('captions.en.jsonl');

  it('are at least 320, about 40% traps, each theme well represented, no caption twice', () => {
    expect(captions.length).toBeGreaterThanOrEqual(320);
    const traps = captions.filter((item) => item.trap).length / captions.length;
    expect(traps).toBeGreaterThan(0.35);
    expect(traps).toBeLessThan(0.45);
    for (const theme of LEXICON_THEMES) {
      expect(captions.filter((item) => item.themes.includes(theme)).length, theme).toBeGreaterThanOrEqual(20);
    }
    expect(new Set(captions.map((item) => item.text)).size).toBe(captions.length);
  });

  it('are classified with precision ≥ 0.9 and recall ≥ 0.8', () => {
    const lexicon = lexiconFor('en');
    const result = evaluate(
      captions,
      captions.map((item) => classify(item.text, lexicon)),
    );
    expect(result.falseAlarms.map((mistake) => mistake.text)).toHaveLength(result.falsePositives);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the held-out English captions (for reporting only: no floor is asserted on them)', () => {
  it('are well formed, about 80, and none is also a labelled caption', () => {
    const heldOut = loadSet('holdout.en.jsonl');
    const labelled = new Set(loadSet('captions.en.jsonl').map((item) => item.text));
    expect(heldOut.length).toBeGreaterThanOrEqual(70);
    expect(heldOut.filter((item) => labelled.has(item.text))).toEqual([]);
  });
});
