/**
 * The hiding rule's shape: each hidden account's posts fold (nothing of theirs drawn, the
 * element left in place) and start the fold animation that names the account; a placeholder
 * shows only in a post folded now — folded to one line closed to the page's layout — or, where
 * posts draw in a shadow root (Reddit), right after it, the post then having no height; handles
 * a rule cannot name are left to reading.
 */
import { describe, expect, it } from 'vitest';
import { FOLD_ANIMATION, HIDDEN_ATTR, hidingRules, PLACEHOLDER, SHOWN_ATTR } from '@/entrypoints/feed.content/posts';
import { getSite } from '@/utils/sites/registry';
import type { PostAdapter } from '@/utils/sites/types';

const postsOf = (id: string) => getSite(id)?.posts as PostAdapter;
/** The rule lines for posts matching `selector` and not shown by her. */
const linesFor = (css: string, selector: string) =>
  css.split('\n').filter((line) => line.startsWith(`:is(${selector}):not([${SHOWN_ATTR}])`));

describe('hiding rules', () => {
  it('fold each named account’s posts to one line holding their placeholder, with their own animation', () => {
    const adapter = postsOf('instagram');
    const rules = hidingRules(adapter, ['tidy_corner']);
    expect(rules.handles).toEqual([undefined, 'tidy_corner']);
    const lines = linesFor(rules.css, adapter.hideSelector?.('tidy_corner') ?? '');
    expect(lines).toHaveLength(3);
    const [fold, placeholder, rest] = lines;
    expect(fold).toMatch(/height:\d+px!important/);
    expect(fold).toContain('contain:strict!important');
    expect(fold).toContain('visibility:hidden!important');
    expect(fold).toContain(`animation:${FOLD_ANIMATION}-1 1ms!important`);
    expect(placeholder?.endsWith(`>${PLACEHOLDER}{display:block!important}`)).toBe(true);
    // Nothing else of the post takes room in its line.
    expect(rest?.endsWith(`>:not(${PLACEHOLDER}){display:none!important}`)).toBe(true);
  });

  it('on a site whose posts draw in a shadow root, fold them away and show a placeholder right after them', () => {
    const adapter = postsOf('reddit');
    const rules = hidingRules(adapter, ['tidy_corner', 'Shiny.Home']);
    expect(rules.handles).toEqual([undefined, 'tidy_corner', 'Shiny.Home']);
    expect(rules.needsReading).toBe(false);
    for (const [index, handle] of [
      [1, 'tidy_corner'],
      [2, 'Shiny.Home'],
    ] as const) {
      const lines = linesFor(rules.css, adapter.hideSelector?.(handle) ?? '');
      expect(lines).toHaveLength(2);
      const [fold, placeholder] = lines;
      expect(fold).toContain('height:0!important');
      expect(fold).not.toContain('contain:strict');
      expect(fold).toContain('visibility:hidden!important');
      expect(fold).toContain(`animation:${FOLD_ANIMATION}-${index} 1ms!important`);
      expect(rules.css).toContain(`@keyframes ${FOLD_ANIMATION}-${index}{`);
      expect(placeholder?.endsWith(`+${PLACEHOLDER}{display:block!important}`)).toBe(true);
    }
    // Posts folded by attribute (the reading path) have the first animation.
    expect(linesFor(rules.css, `[${HIDDEN_ATTR}]`)[0]).toContain(`animation:${FOLD_ANIMATION}-0 1ms!important`);
    expect(rules.folded.split(`:not([${SHOWN_ATTR}])`).filter(Boolean)).toHaveLength(3);
  });

  it('leave handles a rule cannot name, and sites without a rule, to reading the posts', () => {
    const odd = hidingRules(postsOf('instagram'), ['odd handle"]']);
    expect(odd.needsReading).toBe(true);
    expect(odd.handles).toEqual([undefined]);
    expect(odd.css).not.toContain('odd handle');
    const facebook = hidingRules(postsOf('facebook'), ['someone']);
    expect(facebook.needsReading).toBe(true);
    expect(facebook.css).not.toContain('someone');
  });

  it('write no account at all while none is hidden', () => {
    const rules = hidingRules(postsOf('instagram'), []);
    expect(rules.needsReading).toBe(false);
    expect(rules.handles).toEqual([undefined]);
    expect(linesFor(rules.css, `[${HIDDEN_ATTR}]`)).toHaveLength(3);
    expect(rules.css.split('\n').filter((line) => line.startsWith('@keyframes'))).toHaveLength(1);
  });
});
