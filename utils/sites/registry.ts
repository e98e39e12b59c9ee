/**
 * The registry of built-in sites: which site a URL belongs to, and the match patterns
 * the manifest and content script use. Pure: no `browser.*`, no DOM.
 */
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { pinterest } from './pinterest';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { BuiltInSiteId, SiteAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export const builtInSites: readonly SiteAdapter[] = [
  instagram,
  facebook,
  tiktok,
  pinterest,
  x,
  youtube,
  reddit,
  threads,
  linkedin,
  bluesky,
];

const siteById = new Map<string, SiteAdapter>(builtInSites.map((site) => [site.id, site]));

export function getSite(id: string): SiteAdapter | undefined {
  return siteById.get(id);
}

export function isBuiltInSiteId(id: string): id is BuiltInSiteId {
  return siteById.has(id);
}

function hostBelongsTo(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The site a URL belongs to, or undefined. Only https (and http) pages count. */
export function siteForUrl(input: string | URL): SiteAdapter | undefined {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return builtInSites.find((site) => site.domains.some((domain) => hostBelongsTo(host, domain)));
}

/** Whether the URL is a feed page of a built-in site (nudges and post features run there). */
export function isFeedUrl(input: string | URL): boolean {
  const site = siteForUrl(input);
  if (!site) return false;
  return site.isFeed(typeof input === 'string' ? new URL(input) : input);
}

/** The match patterns of one built-in site (`*.` also matches the bare domain itself). */
export const siteOrigins = (site: Pick<SiteAdapter, 'domains'>) =>
  site.domains.map((domain) => `https://*.${domain}/*`);

/** Match patterns for the manifest's host permissions and the content script. */
export function contentScriptMatches(): string[] {
  return builtInSites.flatMap(siteOrigins);
}
