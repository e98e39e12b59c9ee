/**
 * Loads a site fixture (tests/fixtures/sites/<site>.html) into a Document for the adapter
 * tests, with its expected extraction. happy-dom does not parse declarative shadow DOM, so
 * each `<template shadowrootmode="open">` is attached to its parent here, as a browser would.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PostAdapter, PostInfo } from '@/utils/sites/types';

export interface SiteFixture {
  doc: Document;
  /** The page the fixture stands for, to resolve permalinks against. */
  pageUrl: URL;
  /** Exactly what readPost should give for each post findPosts returns, in document order. */
  expected: (PostInfo | null)[];
  /** What the first post reads after its row is recycled with `<template id="recycled">`. */
  recycled: PostInfo;
}

export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({
      mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open',
    });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export function loadSiteFixture(site: string): SiteFixture {
  const path = resolve(process.cwd(), 'tests/fixtures/sites', `${site}.html`);
  const doc = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
  attachDeclarativeShadowRoots(doc);
  const script = doc.getElementById('expected');
  if (!script) throw new Error(`${site}.html has no #expected script`);
  const { pageUrl, posts, recycled } = JSON.parse(script.textContent ?? '') as {
    pageUrl: string;
    posts: (PostInfo | null)[];
    recycled: PostInfo;
  };
  script.remove();
  return { doc, pageUrl: new URL(pageUrl), expected: posts, recycled };
}

/**
 * Reuses `target` for the element in `<template id>`, as a virtualised list does: same node,
 * new attributes, children and shadow content.
 */
export function recycleInto(doc: Document, target: Element, templateId: string): void {
  const template = doc.getElementById(templateId) as HTMLTemplateElement | null;
  const source = template?.content.firstElementChild;
  if (!source) throw new Error(`no <template id="${templateId}">`);
  for (const name of target.getAttributeNames()) target.removeAttribute(name);
  for (const name of source.getAttributeNames()) target.setAttribute(name, source.getAttribute(name) ?? '');
  target.replaceChildren(...[...source.childNodes].map((node) => node.cloneNode(true)));
  const shadowTemplate = [...target.children].find((child) => child.matches('template[shadowrootmode]')) as
    | HTMLTemplateElement
    | undefined;
  if (target.shadowRoot)
    target.shadowRoot.replaceChildren(...(shadowTemplate ? [shadowTemplate.content.cloneNode(true)] : []));
  shadowTemplate?.remove();
  attachDeclarativeShadowRoots(target);
}

/**
 * The checks every site fixture gets: the feed is the element marked `data-fixture-feed`,
 * findPosts returns exactly the elements marked `data-fixture-post` (outermost only, in
 * order), and readPost gives exactly the expected PostInfo (or null for a placeholder).
 */
export function describeSiteFixture(site: string, adapter: PostAdapter): void {
  describe(`${site} fixture`, () => {
    const { doc, pageUrl, expected } = loadSiteFixture(site);
    const found = adapter.findPosts(doc);

    it('finds the feed container', () => {
      expect(doc.querySelectorAll('[data-fixture-feed]')).toHaveLength(1);
      expect(adapter.findFeed(doc)).toBe(doc.querySelector('[data-fixture-feed]'));
    });

    it('finds exactly the marked posts, outermost only, in document order', () => {
      expect(found).toEqual([...doc.querySelectorAll('[data-fixture-post]')]);
      expect(found).toHaveLength(expected.length);
    });

    it('finds the same posts when given the feed container', () => {
      const feed = adapter.findFeed(doc);
      expect(feed && adapter.findPosts(feed)).toEqual(found);
    });

    it.each(expected.map((post, index) => [index, post] as const))('reads post %i exactly', (index, post) => {
      const element = found[index];
      if (!element) throw new Error(`no post ${index}`);
      expect(adapter.readPost(element, pageUrl)).toStrictEqual(post);
    });

    it('reads a recycled row afresh: the same element with new content gives the new post', () => {
      const fresh = loadSiteFixture(site);
      const row = adapter.findPosts(fresh.doc)[0];
      if (!row) throw new Error('no first post');
      const before = adapter.readPost(row, fresh.pageUrl);
      recycleInto(fresh.doc, row, 'recycled');
      expect(adapter.findPosts(fresh.doc)[0]).toBe(row);
      expect(adapter.readPost(row, fresh.pageUrl)).toStrictEqual(fresh.recycled);
      expect(fresh.recycled).not.toEqual(before);
    });

    it('gives null for a row emptied into a placeholder', () => {
      const fresh = loadSiteFixture(site);
      const row = adapter.findPosts(fresh.doc)[0];
      if (!row) throw new Error('no first post');
      recycleInto(fresh.doc, row, 'emptied');
      expect(adapter.readPost(row, fresh.pageUrl)).toBeNull();
    });
  });
}
