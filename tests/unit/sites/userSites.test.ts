import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  defaultSiteSettings,
  newUserSite,
  parseSiteAddress,
  type SiteSettings,
  SiteSettingsSchema,
  siteLabel,
  userSiteId,
  userSiteMatches,
  watchedSiteForUrl,
} from '@/utils/sites/userSites';
import { readSettings } from '@/utils/storage/settings';

const withSites = (...domains: string[]): SiteSettings => ({
  off: [],
  added: domains.map((domain, i) => newUserSite(domain, '', i)),
});

describe('the address of a site she adds', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['https://www.example.com/feed?x=1', 'example.com'],
    ['http://news.example.org', 'news.example.org'],
    ['www.forum.example.co.uk/', 'forum.example.co.uk'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['example.com.', 'example.com'],
  ])('%s → %s', (text, domain) => {
    expect(parseSiteAddress(text, defaultSiteSettings())).toEqual({ ok: true, domain });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['localhost', 'invalid'],
    ['192.168.1.10', 'invalid'],
    ['ftp://example.com', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['file:///etc/passwd', 'invalid'],
    ['exa mple.com', 'invalid'],
    ['https://', 'invalid'],
    ['<script>.com', 'invalid'],
  ])('%j is refused as %s', (text, problem) => {
    expect(parseSiteAddress(text, defaultSiteSettings())).toMatchObject({ ok: false, problem });
  });

  it('names the built-in site an address belongs to, subdomains and parent domains alike', () => {
    expect(parseSiteAddress('https://www.instagram.com/explore', defaultSiteSettings())).toEqual({
      ok: false,
      problem: 'built-in',
      builtIn: 'instagram',
    });
    expect(parseSiteAddress('old.reddit.com', defaultSiteSettings())).toMatchObject({ builtIn: 'reddit' });
  });

  it('refuses a site already added and a twenty-first', () => {
    expect(parseSiteAddress('www.example.com', withSites('example.com'))).toMatchObject({ problem: 'already' });
    const full = withSites(...Array.from({ length: 20 }, (_, i) => `site${i}.example`));
    expect(parseSiteAddress('one-more.example', full)).toMatchObject({ problem: 'too-many' });
  });
});

describe('her sites', () => {
  it('have a stable id from their domain, whatever she named them, and match the domain and its subdomains', () => {
    const site = newUserSite('example.com', '  My news  ', 5);
    expect(site).toEqual({ id: 'site:example.com', domain: 'example.com', name: 'My news', addedAt: 5 });
    expect(newUserSite('example.com', '', 9).id).toBe(userSiteId('example.com'));
    expect(newUserSite('example.com', '   ', 9).name).toBe('example.com');
    expect(userSiteMatches('example.com')).toEqual(['https://*.example.com/*']);
  });

  it('are watched at their addresses; a built-in site only while it is on', () => {
    const sites: SiteSettings = { off: ['x'], added: [newUserSite('example.com', 'Example', 1)] };
    expect(watchedSiteForUrl('https://example.com/a', sites)?.id).toBe('site:example.com');
    expect(watchedSiteForUrl('https://m.example.com/', sites)?.name).toBe('Example');
    expect(watchedSiteForUrl('https://m.example.com/', sites)?.isFeed(new URL('https://m.example.com/'))).toBe(true);
    expect(watchedSiteForUrl('http://example.com/', sites)).toBeUndefined();
    expect(watchedSiteForUrl('https://notexample.com/', sites)).toBeUndefined();
    expect(watchedSiteForUrl('https://example.com.evil.test/', sites)).toBeUndefined();
    expect(watchedSiteForUrl('https://x.com/home', sites)).toBeUndefined();
    expect(watchedSiteForUrl('https://www.instagram.com/', sites)?.id).toBe('instagram');
  });

  it('are named for her: a built-in name, the name she gave, else the domain of one she removed', () => {
    const sites = withSites('example.com');
    sites.added[0] = newUserSite('example.com', 'Example news', 1);
    expect(siteLabel('instagram', sites)).toBe('Instagram');
    expect(siteLabel('site:example.com', sites)).toBe('Example news');
    expect(siteLabel('site:gone.example', sites)).toBe('gone.example');
    expect(siteLabel('site:example.com')).toBe('example.com');
  });
});

describe('sites in her settings', () => {
  it('default to all built-in sites on and none added, for settings saved before there was a choice', () => {
    const { settings, problem } = readSettings({
      schemaVersion: 2,
      tracking: { idleThresholdSeconds: 60, dayStartHour: 4 },
      boundaries: readSettings(undefined).settings.boundaries,
      nudges: { frequency: 'gentle' },
    });
    expect(problem).toBeUndefined();
    expect(settings.sites).toEqual({ off: [], added: [] });
  });

  it.each([
    ['an unknown built-in site', { off: ['myspace'], added: [] }],
    [
      'an id that is not its domain’s',
      { off: [], added: [{ id: 'site:other.com', domain: 'example.com', name: 'E', addedAt: 1 }] },
    ],
    ['a domain that is no domain', { off: [], added: [{ id: 'site:<b>', domain: '<b>', name: 'E', addedAt: 1 }] }],
    [
      'the same domain twice',
      { off: [], added: [newUserSite('example.com', '', 1), newUserSite('example.com', 'x', 2)] },
    ],
    ['a huge name', { off: [], added: [{ ...newUserSite('example.com', '', 1), name: 'n'.repeat(61) }] }],
    ['too many sites', { off: [], added: Array.from({ length: 21 }, (_, i) => newUserSite(`s${i}.example`, '', i)) }],
  ])('refuse %s', (_name, sites) => {
    expect(v.safeParse(SiteSettingsSchema, sites).success).toBe(false);
  });
});
