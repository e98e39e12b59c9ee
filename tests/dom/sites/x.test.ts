// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { x } from '@/utils/sites/x';
import { describeSiteFixture, loadSiteFixture } from '../../helpers/siteFixture';

const adapter = x.posts;
if (!adapter) throw new Error('X has no post adapter');

describeSiteFixture('x', adapter);

describe('X quoted posts', () => {
  it('never takes the quoted account or text as the outer post’s', () => {
    const { doc, pageUrl } = loadSiteFixture('x');
    const outer = adapter.findPosts(doc)[1];
    if (!outer) throw new Error('no quoting post');
    const read = adapter.readPost(outer, pageUrl);
    expect(read?.author?.handle).toBe('mara_at_home');
    expect(read?.text).not.toContain('spotless');
  });

  it('leaves the text empty rather than borrowing the quote’s when the outer post has none', () => {
    const { doc, pageUrl } = loadSiteFixture('x');
    const outer = adapter.findPosts(doc)[1];
    outer?.querySelector('[data-testid="tweetText"]')?.remove();
    const read = outer && adapter.readPost(outer, pageUrl);
    expect(read?.author?.handle).toBe('mara_at_home');
    expect(read?.text).toBe('');
  });
});
