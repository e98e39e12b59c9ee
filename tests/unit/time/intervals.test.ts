import { describe, expect, it } from 'vitest';
import { type Interval, intersect, pruneBefore, subtract, totalLength, union } from '@/utils/time/intervals';

describe('interval sets', () => {
  it.each<[string, Interval, Interval[], Interval[]]>([
    ['nothing counted yet', [0, 10], [], [[0, 10]]],
    ['fully covered', [2, 5], [[0, 10]], []],
    ['covered at the start', [0, 10], [[0, 4]], [[4, 10]]],
    ['covered at the end', [0, 10], [[6, 12]], [[0, 6]]],
    [
      'hole in the middle',
      [0, 10],
      [[3, 5]],
      [
        [0, 3],
        [5, 10],
      ],
    ],
    [
      'several holes',
      [0, 20],
      [
        [1, 2],
        [5, 6],
        [19, 25],
      ],
      [
        [0, 1],
        [2, 5],
        [6, 19],
      ],
    ],
    [
      'disjoint set',
      [10, 20],
      [
        [0, 5],
        [30, 40],
      ],
      [[10, 20]],
    ],
  ])('subtract: %s', (_label, interval, set, expected) => {
    expect(subtract(interval, set)).toEqual(expected);
  });

  it.each<[string, Interval[], Interval[], Interval[]]>([
    ['merges touching', [[0, 5]], [[5, 10]], [[0, 10]]],
    [
      'merges overlapping out of order',
      [[20, 30]],
      [
        [0, 5],
        [3, 22],
      ],
      [[0, 30]],
    ],
    [
      'keeps gaps',
      [[0, 5]],
      [[6, 10]],
      [
        [0, 5],
        [6, 10],
      ],
    ],
    ['drops empty intervals', [], [[5, 5]], []],
  ])('union: %s', (_label, set, added, expected) => {
    expect(union(set, added)).toEqual(expected);
  });

  it('intersect clips to the set', () => {
    expect(
      intersect(
        [5, 25],
        [
          [0, 10],
          [12, 15],
          [20, 30],
        ],
      ),
    ).toEqual([
      [5, 10],
      [12, 15],
      [20, 25],
    ]);
  });

  it('pruneBefore clips a straddling interval and drops older ones', () => {
    expect(
      pruneBefore(
        [
          [0, 5],
          [8, 12],
          [20, 30],
        ],
        10,
      ),
    ).toEqual([
      [10, 12],
      [20, 30],
    ]);
  });

  it('totalLength sums lengths', () => {
    expect(
      totalLength([
        [0, 5],
        [10, 12],
      ]),
    ).toBe(7);
  });
});
