/**
 * Her choice of sites: built-in sites she switched off, and sites she added by address. Kept in
 * her settings (`settings.sites`), so they are in the export and follow her settings. A site
 * she adds is watched only where the browser allows it (an optional host permission, asked for
 * when she adds it); its id is `site:<domain>`, the same every time she adds that domain, so
 * its history in the ledger stays its own. Pure.
 */
import * as v from 'valibot';
import { builtInSites, getSite, siteForUrl } from './registry';
import { BUILT_IN_SITE_IDS, type BuiltInSiteId, type FeedSite } from './types';

export const USER_SITE_PREFIX = 'site:';
/** Sites she can add, at most. */
export const MAX_USER_SITES = 20;
export const MAX_NAME_LENGTH = 60;
/** A lower-case host name of two or more labels (letters, digits, hyphens; punycode for others). */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const isDomain = (value: string) => DOMAIN.test(value);
export const userSiteId = (domain: string) => `${USER_SITE_PREFIX}${domain}`;
export const isUserSiteId = (id: string) =>
  id.startsWith(USER_SITE_PREFIX) && isDomain(id.slice(USER_SITE_PREFIX.length));

const UserSiteSchema = v.pipe(
  v.object({
    id: v.string(),
    domain: v.pipe(v.string(), v.check(isDomain)),
    name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH)),
    addedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
  }),
  v.check((site) => site.id === userSiteId(site.domain)),
);

export type UserSite = v.InferOutput<typeof UserSiteSchema>;

export const SiteSettingsSchema = v.pipe(
  v.object({
    /** Built-in sites switched off: no time, limits, reminders or post features there. */
    off: v.pipe(v.array(v.picklist(BUILT_IN_SITE_IDS)), v.maxLength(BUILT_IN_SITE_IDS.length)),
    /** Sites she added, in the order she added them. */
    added: v.pipe(v.array(UserSiteSchema), v.maxLength(MAX_USER_SITES)),
  }),
  v.check((sites) => new Set(sites.added.map((site) => site.domain)).size === sites.added.length),
);

export type SiteSettings = { off: BuiltInSiteId[]; added: UserSite[] };

export const defaultSiteSettings = (): SiteSettings => ({ off: [], added: [] });

/** The match patterns (host permission and content script) for a site she added: the domain and its subdomains. */
export const userSiteMatches = (domain: string): string[] => [`https://*.${domain}/*`];

function userSiteAdapter(site: UserSite): FeedSite {
  // Every page of her own site counts as feed: she added it for what she scrolls there.
  return { id: site.id, name: site.name, domains: [site.domain], isFeed: () => true };
}

export type AddressProblem = 'empty' | 'invalid' | 'built-in' | 'already' | 'too-many';

/**
 * What she typed as a site's address ("example.com", "https://www.example.com/feed"), as the
 * domain to watch (lower case, no `www.`); or why it can't be added.
 */
export function parseSiteAddress(
  text: string,
  current: SiteSettings,
): { ok: true; domain: string; builtIn?: undefined } | { ok: false; problem: AddressProblem; builtIn?: BuiltInSiteId } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  const domain = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (!isDomain(domain)) return { ok: false, problem: 'invalid' };
  const builtIn = builtInSites.find((site) =>
    site.domains.some((owned) => domain === owned || domain.endsWith(`.${owned}`) || owned.endsWith(`.${domain}`)),
  );
  if (builtIn) return { ok: false, problem: 'built-in', builtIn: builtIn.id };
  if (current.added.some((site) => site.domain === domain)) return { ok: false, problem: 'already' };
  if (current.added.length >= MAX_USER_SITES) return { ok: false, problem: 'too-many' };
  return { ok: true, domain };
}

/** A new site of hers: named as she typed it, or after its domain. */
export function newUserSite(domain: string, name: string, at: number): UserSite {
  const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
  return { id: userSiteId(domain), domain, name: trimmed || domain, addedAt: at };
}

/** The watched site a URL belongs to: a built-in one she didn't switch off, or one she added. */
export function watchedSiteForUrl(input: string | URL, sites: SiteSettings): FeedSite | undefined {
  const builtIn = siteForUrl(input);
  if (builtIn) return sites.off.includes(builtIn.id) ? undefined : builtIn;
  const url = new URL(input);
  if (url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const site = sites.added.find(({ domain }) => host === domain || host.endsWith(`.${domain}`));
  return site && userSiteAdapter(site);
}

/** A site's name for her: a built-in site's, the name she gave hers, or the domain of one she removed. */
export function siteLabel(id: string, sites?: SiteSettings): string {
  const builtIn = getSite(id);
  if (builtIn) return builtIn.name;
  const added = sites?.added.find((site) => site.id === id);
  if (added) return added.name;
  return id.startsWith(USER_SITE_PREFIX) ? id.slice(USER_SITE_PREFIX.length) : id;
}
