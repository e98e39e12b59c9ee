/** Reddit's site adapter: its domain (new and old Reddit) which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, collapse, handleFromHref, outermost, queryDeep, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// Listings are feeds: the front page and its sorts, and a subreddit (including `popular`, `all`
// and `a+b` combinations) and its sorts. Comment pages, users, chat, settings and messages are not.
const FEED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/(best|hot|new|top|rising)\/?$/,
  /^\/r\/[\w+]+(\/(hot|new|top|rising))?\/?$/,
];

// `shreddit-post` carries the post as attributes (`author`, `post-title`, `permalink`); an ad is a
// `shreddit-ad-post` straight in the feed. Both render their layout in an open shadow root.
const POST = 'shreddit-post,shreddit-ad-post';

const posts: PostAdapter = {
  postSelector: POST,
  // The feed's custom element; fallback: the page's main landmark.
  findFeed: (doc) => doc.querySelector('shreddit-feed') ?? doc.querySelector('main'),
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    const attr = (name: string) => collapse(post.getAttribute(name));
    // `author` attribute; fallback: the credit bar's `/user/<name>/` link, light DOM or shadow root.
    const author =
      attr('author').replace(/^u\//, '') ||
      handleFromHref(queryDeep(post, 'a[href^="/user/"]')?.getAttribute('href'), /^\/user\/([\w-]+)/);
    // `post-title` attribute; fallback: the `slot="title"` link. Body: `slot="text-body"` (its
    // rich text may sit in a nested element's shadow root).
    const title = attr('post-title') || textOf(queryDeep(post, '[slot="title"]'));
    const text = collapse(`${title} ${textOf(queryDeep(post, '[slot="text-body"]'))}`);
    if (!text && !author) return null;
    // `permalink` attribute; fallback: the full-post link.
    const permalink = absoluteUrl(
      attr('permalink') || queryDeep(post, 'a[slot="full-post-link"]')?.getAttribute('href'),
      pageUrl,
      [''],
    );
    return {
      author: author && author !== '[deleted]' ? { handle: author } : null,
      text,
      // The ad element itself (or a `promoted` attribute on a post) is the post's own marker;
      // a title that says "Sponsored" is only a title.
      sponsored:
        post.localName === 'shreddit-ad-post' || (post.hasAttribute('promoted') && attr('promoted') !== 'false'),
      ...(permalink ? { permalink } : {}),
    };
  },
  // Posts whose `author` attribute is the account.
  hideSelector: (handle) => `shreddit-post[author="${handle}" i], shreddit-ad-post[author="${handle}" i]`,
  // A post's markup is in its shadow root.
  placeholderAfter: true,
};

export const reddit: SiteAdapter = {
  id: 'reddit',
  name: 'Reddit',
  domains: ['reddit.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
