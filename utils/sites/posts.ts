/**
 * Small pure helpers the site adapters share to read posts: collapsing whitespace, the text
 * of an element without nested posts, absolute permalinks, handles from links, and whether a
 * "Sponsored" label is visible and really the post's own. Nothing here runs at import time.
 */

/** Markers that hide an element from sighted readers as far as markup can tell (no layout). */
export const HIDDEN =
  '[hidden],[aria-hidden="true"],.visually-hidden,.sr-only,[style*="display:none"],[style*="display: none"],[style*="visibility:hidden"],[style*="visibility: hidden"]';

export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u2060\u200b]+/g, ' ').trim();
}

// Block-level tags get a space around them so "line one<div>line two" does not glue words.
const BLOCK = /^(P|DIV|LI|H[1-6]|BR|SECTION|HEADER|FOOTER)$/;

/**
 * Text of `root` as shown: emoji `<img alt>` kept, parts matching `skip` (nested posts, hidden
 * bits) and the extension's own markup (a placeholder left in a recycled row) left out, open
 * shadow roots read with their slotted children in place.
 */
export function textOf(root: Element | null | undefined, skip?: string): string {
  if (!root) return '';
  let out = '';
  const visit = (node: Node, host?: Element) => {
    if (node.nodeType === 3) out += node.nodeValue;
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (/^(TEMPLATE|SCRIPT|STYLE|OUTSIDE-THE-FRAME-.+)$/.test(el.tagName) || (skip && el.matches(skip))) return;
    const block = BLOCK.test(el.tagName);
    if (block) out += ' ';
    if (el.tagName === 'IMG') out += el.getAttribute('alt') ?? '';
    else if (el.tagName === 'SLOT' && host) {
      const name = el.getAttribute('name') ?? '';
      for (const child of host.childNodes) {
        if (((child as Element).getAttribute?.('slot') ?? '') === name) visit(child);
      }
    } else for (const child of (el.shadowRoot ?? el).childNodes) visit(child, el.shadowRoot ? el : host);
    if (block) out += ' ';
  };
  for (const child of (root.shadowRoot ?? root).childNodes) visit(child, root.shadowRoot ? root : undefined);
  return collapse(out);
}

/** Whether `el` or an ancestor up to `post` is hidden (attribute, aria-hidden, inline style, sr-only class). */
export function isHidden(el: Element, post: Element): boolean {
  const hidden = el.closest(HIDDEN);
  return !!hidden && post.contains(hidden);
}

/** Whether `el` belongs to `post` itself, not to a post nested in it (a quote, a comment, a pin in a pin). */
export function owns(post: Element, el: Element, nested: string | null): boolean {
  if (!nested) return true;
  const inner = el.parentElement?.closest(nested);
  return !inner || inner === post || !post.contains(inner);
}

/** Every element under `post` matching `selector` that is the post's own. */
export function ownAll(post: Element, selector: string, nested: string | null): Element[] {
  return [...post.querySelectorAll(selector)].filter((el) => owns(post, el, nested));
}

/** The first own match of the first selector that matches (a fallback chain). */
export function ownFirst(post: Element, selectors: readonly string[], nested: string | null): Element | null {
  for (const selector of selectors) {
    const found = ownAll(post, selector, nested)[0];
    if (found) return found;
  }
  return null;
}

/** Post elements under `root` (and `root` itself), outermost only. */
export function outermost(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  return found.filter((el) => !el.parentElement?.closest(selector) || el === root);
}

/** The absolute URL of `href` against the page, without a fragment and without the named (prefix) query params. */
export function absoluteUrl(
  href: string | null | undefined,
  pageUrl: URL,
  dropParams: readonly string[] = [],
): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, pageUrl);
    for (const key of [...url.searchParams.keys()]) {
      if (dropParams.some((prefix) => key.startsWith(prefix))) url.searchParams.delete(key);
    }
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** The first capture of `pattern` against the link's decoded path, or null. */
export function handleFromHref(href: string | null | undefined, pattern: RegExp): string | null {
  if (!href) return null;
  try {
    return pattern.exec(decodeURIComponent(new URL(href, 'https://host.invalid').pathname))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Visible text of an element: its text without hidden descendants (labels split around hidden spans). */
export function visibleText(el: Element): string {
  return textOf(el, HIDDEN);
}

/**
 * Whether the post carries its own visible marker: an own, unhidden element among `candidates`
 * whose whole visible text (or accessible label, with `useLabel`) matches `words`, outside `exclude`
 * (the caption, where the word is only a word).
 */
export function hasOwnLabel(
  post: Element,
  candidates: string,
  nested: string | null,
  words: RegExp,
  exclude?: string,
  useLabel = false,
): boolean {
  return ownAll(post, candidates, nested).some(
    (el) =>
      !isHidden(el, post) &&
      !(exclude && el.closest(exclude)) &&
      (words.test(visibleText(el)) || (useLabel && words.test(accessibleLabel(el)))),
  );
}

/** `aria-labelledby` text (even when the labelling element is hidden or detached) or `aria-label`. */
export function accessibleLabel(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    return collapse(
      ids
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
  return collapse(el.getAttribute('aria-label'));
}

/** The longest own, visible text among `selector` matches outside `exclude` (for captions without a hook). */
export function longestText(post: Element, selector: string, nested: string | null, exclude?: string): string {
  let best = '';
  for (const el of ownAll(post, selector, nested)) {
    if (isHidden(el, post) || (exclude && el.closest(exclude))) continue;
    const text = textOf(el, nested ?? undefined);
    if (text.length > best.length) best = text;
  }
  return best;
}

/** First match in `root`, then in each open shadow root below it (Reddit keeps parts of a post there). */
export function queryDeep(root: Element | ShadowRoot, selector: string): Element | null {
  const light = root.querySelector(selector);
  if (light) return light;
  const hosts = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
  for (const host of hosts) {
    if (!host.shadowRoot) continue;
    const found = queryDeep(host.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}
