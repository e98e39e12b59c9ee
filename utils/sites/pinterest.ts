/** Pinterest's site adapter: its domain, which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, collapse, handleFromHref, hasOwnLabel, outermost, ownAll, ownFirst, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// Single pins (`/pin/<id>/`), settings and boards/profiles (`/<user>/...`) are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/today\/?$/, /^\/ideas\/?$/];

// One pin: `[data-test-id="pin"]` in an absolutely positioned `div[role="listitem"][data-grid-item]`.
// Pins nest (a board or "more ideas" pin holds pins); each reads only its own parts.
const PIN = '[data-test-id="pin"]';
// A user's page: `/<username>/`.
const USER = /^\/(\w+)\/?$/;

const posts: PostAdapter = {
  postSelector: PIN,
  grid: true,
  // The masonry grid `div[role="list"]` around the grid items; fallback: the first list.
  findFeed: (doc) =>
    doc.querySelector('[data-grid-item]')?.closest('[role="list"]') ?? doc.querySelector('[role="list"]'),
  findPosts: (root) => outermost(root, PIN),
  readPost(pin, pageUrl) {
    // Title under the pin; fallback: the pin-page link's aria-label. The image's alt is the description.
    const title =
      textOf(ownFirst(pin, ['[data-test-id="pinrep-footer-organic-title"]'], PIN)) ||
      collapse(ownFirst(pin, ['a[href^="/pin/"][aria-label]'], PIN)?.getAttribute('aria-label'));
    const alt = collapse(ownFirst(pin, ['img[alt]'], PIN)?.getAttribute('alt'));
    const text = title === alt || !alt ? title : collapse(`${title} ${alt}`);
    // The pinner's or advertiser's `/<user>/` link in the footer (guessed: not every pin shows one);
    // "Promoted by" (the link's aria-label) is not part of the name.
    const link = ownAll(pin, '[data-test-id="pinrep-footer"] a[href]', PIN).find((a) =>
      handleFromHref(a.getAttribute('href'), USER),
    );
    const handle = handleFromHref(link?.getAttribute('href'), USER);
    const label = link?.getAttribute('aria-label') ?? '';
    const shown = textOf(link);
    const name = collapse(label && shown.startsWith(label) ? shown.slice(label.length) : shown);
    const permalink = absoluteUrl(ownFirst(pin, ['a[href^="/pin/"]'], PIN)?.getAttribute('href'), pageUrl, ['']);
    if (!text && !handle && !permalink) return null;
    return {
      author: handle ? { handle, ...(name ? { name } : {}) } : null,
      text,
      // "Promoted by" link or "Sponsored" badge in the pin's own footer, visible.
      sponsored: hasOwnLabel(pin, 'a[aria-label="Promoted by"],div[title="Sponsored"]', PIN, /(?:)/),
      ...(permalink ? { permalink } : {}),
    };
  },
};

export const pinterest: SiteAdapter = {
  id: 'pinterest',
  name: 'Pinterest',
  // Only pinterest.com on purpose: the country domains (pinterest.co.uk, .de, .fr, .com.au...)
  // would each need their own host permission; add them deliberately if ever wanted.
  domains: ['pinterest.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
