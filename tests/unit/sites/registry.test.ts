/** Tests for the built-in site registry and the ten site adapters' feed detection. */
import { describe, expect, it } from 'vitest';
import {
  builtInSites,
  contentScriptMatches,
  getSite,
  isBuiltInSiteId,
  isFeedUrl,
  siteForUrl,
} from '../../../utils/sites/registry';
import { BUILT_IN_SITE_IDS } from '../../../utils/sites/types';

describe('siteForUrl', () => {
  it.each([
    ['https://www.instagram.com/', 'instagram'],
    ['https://instagram.com/reels/', 'instagram'],
    ['https://m.instagram.com/', 'instagram'],
    ['https://www.instagram.com./', 'instagram'],
    ['https://WWW.INSTAGRAM.COM/explore/', 'instagram'],
    ['http://www.instagram.com/', 'instagram'],
    ['https://www.facebook.com/', 'facebook'],
    ['https://web.facebook.com/home.php', 'facebook'],
    ['https://m.facebook.com/', 'facebook'],
    ['https://mobile.facebook.com/', 'facebook'],
    ['https://facebook.com/groups/feed/', 'facebook'],
    ['https://www.tiktok.com/foryou', 'tiktok'],
    ['https://m.tiktok.com/', 'tiktok'],
    ['https://www.pinterest.com/', 'pinterest'],
    ['https://pinterest.com/today/', 'pinterest'],
    ['https://x.com/home', 'x'],
    ['https://mobile.x.com/home', 'x'],
    ['https://twitter.com/home', 'x'],
    ['https://mobile.twitter.com/home', 'x'],
    ['https://www.twitter.com/home', 'x'],
    ['https://X.COM/home', 'x'],
    ['https://www.youtube.com/', 'youtube'],
    ['https://m.youtube.com/shorts/abc', 'youtube'],
    ['https://youtube.com/feed/subscriptions', 'youtube'],
    ['https://www.reddit.com/', 'reddit'],
    ['https://old.reddit.com/r/all/', 'reddit'],
    ['https://new.reddit.com/', 'reddit'],
    ['https://reddit.com./r/pics/', 'reddit'],
    ['https://www.threads.com/', 'threads'],
    ['https://www.threads.net/', 'threads'],
    ['https://threads.net/@someone', 'threads'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://linkedin.com/in/someone/', 'linkedin'],
    ['https://bsky.app/', 'bluesky'],
    ['https://www.bsky.app/', 'bluesky'],
    ['https://BSKY.APP/profile/alice.bsky.social', 'bluesky'],
  ])('%s belongs to %s', (url, id) => {
    expect(siteForUrl(url)?.id).toBe(id);
  });

  it('accepts a URL object as well as a string', () => {
    expect(siteForUrl(new URL('https://www.youtube.com/watch?v=abc'))?.id).toBe('youtube');
  });

  it.each([
    'https://instagram.com.evil.example/',
    'https://www.instagram.com.evil.example/',
    'https://notinstagram.com/',
    'https://instagram.co/',
    'https://myx.com/home',
    'https://x.co/home',
    'https://fakebsky.app/',
    'https://bsky.app.example/',
    'https://twitter.com-login.example/',
    'https://reddit.community.example/r/all/',
    'https://threads.org/',
    'https://pinterest.co.uk/',
    'https://x.com@evil.example/home',
    'https://evil.example/?next=https://x.com/home',
    'https://evil.example/x.com/home',
    'http://localhost/',
    'chrome://extensions',
    'file:///home/x.html',
    'about:blank',
    'ftp://x.com/home',
    'javascript:alert(1)',
    '',
    'not a url',
    'x.com/home',
    '//x.com/home',
    'https://',
    'https:// x.com/home',
  ])('%j belongs to no site', (url) => {
    expect(siteForUrl(url)).toBeUndefined();
  });
});

describe('isFeedUrl', () => {
  it.each([
    // Instagram
    'https://www.instagram.com/',
    'https://www.instagram.com/?variant=following',
    'https://www.instagram.com/reels/',
    'https://www.instagram.com/reels',
    'https://www.instagram.com/reels/C1a2B3c_-d/',
    'https://www.instagram.com/explore/',
    'https://www.instagram.com/explore',
    // Facebook
    'https://www.facebook.com/',
    'https://web.facebook.com/',
    'https://www.facebook.com/?sk=h_chr',
    'https://www.facebook.com/home.php',
    'https://www.facebook.com/groups/feed/',
    'https://www.facebook.com/groups/feed',
    'https://www.facebook.com/reel/',
    'https://www.facebook.com/reel/1234567890123456',
    'https://www.facebook.com/watch/',
    'https://www.facebook.com/watch',
    // TikTok
    'https://www.tiktok.com/',
    'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/foryou?lang=en',
    'https://www.tiktok.com/following',
    'https://www.tiktok.com/explore',
    'https://www.tiktok.com/explore/',
    // Pinterest
    'https://www.pinterest.com/',
    'https://www.pinterest.com/today/',
    'https://www.pinterest.com/today',
    'https://www.pinterest.com/ideas/',
    // X
    'https://x.com/home',
    'https://x.com/home/',
    'https://x.com/home?x=1',
    'https://twitter.com/home',
    'https://x.com/explore',
    'https://x.com/explore/tabs/for-you',
    'https://x.com/i/lists/1234567890',
    'https://x.com/i/lists/1234567890/',
    // YouTube
    'https://www.youtube.com/',
    'https://m.youtube.com/',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share',
    'https://www.youtube.com/feed/subscriptions',
    'https://www.youtube.com/feed/subscriptions/',
    'https://www.youtube.com/feed/trending',
    // Reddit
    'https://www.reddit.com/',
    'https://old.reddit.com/',
    'https://www.reddit.com/best/',
    'https://www.reddit.com/hot/',
    'https://www.reddit.com/new/',
    'https://www.reddit.com/top/?t=day',
    'https://www.reddit.com/rising',
    'https://www.reddit.com/r/popular/',
    'https://www.reddit.com/r/all/',
    'https://old.reddit.com/r/all',
    'https://www.reddit.com/r/AskReddit/',
    'https://www.reddit.com/r/pics+funny/',
    'https://www.reddit.com/r/pics/hot/',
    'https://www.reddit.com/r/pics/new',
    'https://www.reddit.com/r/pics/top/?t=week',
    'https://www.reddit.com/r/pics/rising/',
    // Threads
    'https://www.threads.com/',
    'https://www.threads.net/',
    'https://www.threads.com/for_you',
    'https://www.threads.com/following',
    'https://www.threads.com/following/',
    // LinkedIn
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/feed',
    'https://www.linkedin.com/feed/?x=1',
    // Bluesky
    'https://bsky.app/',
    'https://bsky.app/profile/bsky.app/feed/whats-hot',
    'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/feed/whats-hot/',
  ])('%s is a feed', (url) => {
    expect(isFeedUrl(url)).toBe(true);
  });

  it.each([
    // Instagram
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/direct/t/123456/',
    'https://www.instagram.com/accounts/edit/',
    'https://www.instagram.com/p/C1a2B3c/',
    'https://www.instagram.com/reel/C1a2B3c/',
    'https://www.instagram.com/someone/',
    'https://www.instagram.com/someone/reels/',
    'https://www.instagram.com/explore/tags/cats/',
    // Facebook
    'https://www.facebook.com/messages/',
    'https://www.facebook.com/messages/t/123',
    'https://www.facebook.com/marketplace/',
    'https://www.facebook.com/settings',
    'https://www.facebook.com/settings/?tab=privacy',
    'https://www.facebook.com/zuck',
    'https://www.facebook.com/profile.php?id=4',
    'https://www.facebook.com/groups/123456/',
    // TikTok
    'https://www.tiktok.com/@someone',
    'https://www.tiktok.com/@someone/video/7234567890123456789',
    'https://www.tiktok.com/messages',
    'https://www.tiktok.com/setting',
    'https://www.tiktok.com/foryouforever',
    // Pinterest
    'https://www.pinterest.com/pin/123456789/',
    'https://www.pinterest.com/settings/',
    'https://www.pinterest.com/someone/',
    'https://www.pinterest.com/someone/today/',
    // X
    'https://x.com/',
    'https://twitter.com/',
    'https://x.com/messages',
    'https://x.com/i/chat',
    'https://x.com/i/chat/123-456',
    'https://x.com/settings/account',
    'https://x.com/notifications',
    'https://x.com/someone',
    'https://x.com/someone/status/1234567890',
    'https://x.com/home/status/1',
    'https://x.com/i/lists/1234567890/members',
    'https://x.com/i/lists/',
    // YouTube
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/@someone',
    'https://www.youtube.com/@someone/shorts',
    'https://www.youtube.com/results?search_query=cats',
    'https://www.youtube.com/feed/history',
    'https://www.youtube.com/account',
    'https://www.youtube.com/feed/',
    // Reddit
    'https://www.reddit.com/r/pics/comments/abc123/a_title/',
    'https://old.reddit.com/r/pics/comments/abc123/',
    'https://www.reddit.com/user/someone/',
    'https://www.reddit.com/u/someone/',
    'https://www.reddit.com/chat',
    'https://www.reddit.com/settings',
    'https://www.reddit.com/settings/account',
    'https://www.reddit.com/message/inbox/',
    'https://www.reddit.com/r/',
    'https://www.reddit.com/r/pics/about/',
    'https://www.reddit.com/r/pics/wiki/index',
    // Threads
    'https://www.threads.com/search',
    'https://www.threads.com/@someone',
    'https://www.threads.net/@someone/post/C1a2B3c',
    'https://www.threads.com/activity',
    'https://www.threads.com/settings',
    // LinkedIn
    'https://www.linkedin.com/',
    'https://www.linkedin.com/messaging/',
    'https://www.linkedin.com/jobs/',
    'https://www.linkedin.com/in/someone/',
    'https://www.linkedin.com/notifications/',
    'https://www.linkedin.com/mynetwork/',
    'https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000000/',
    // Bluesky
    'https://bsky.app/feeds',
    'https://bsky.app/messages',
    'https://bsky.app/settings',
    'https://bsky.app/notifications',
    'https://bsky.app/profile/alice.bsky.social',
    'https://bsky.app/profile/alice.bsky.social/post/3k2yihcrp6f2c',
    'https://bsky.app/profile/alice.bsky.social/feed/',
    // Not a built-in site at all, or not a URL
    'https://example.com/',
    'https://example.com/feed/',
    'https://instagram.com.evil.example/',
    'chrome://newtab/',
    'not a url',
    '',
  ])('%j is not a feed', (url) => {
    expect(isFeedUrl(url)).toBe(false);
  });

  it('accepts a URL object as well as a string', () => {
    expect(isFeedUrl(new URL('https://www.linkedin.com/feed/'))).toBe(true);
    expect(isFeedUrl(new URL('https://www.linkedin.com/jobs/'))).toBe(false);
  });
});

describe('contentScriptMatches', () => {
  const matches = contentScriptMatches();

  it.each([
    'https://*.instagram.com/*',
    'https://*.facebook.com/*',
    'https://*.tiktok.com/*',
    'https://*.pinterest.com/*',
    'https://*.x.com/*',
    'https://*.twitter.com/*',
    'https://*.youtube.com/*',
    'https://*.reddit.com/*',
    'https://*.threads.com/*',
    'https://*.threads.net/*',
    'https://*.linkedin.com/*',
    'https://*.bsky.app/*',
  ])('contains %s', (pattern) => {
    expect(matches).toContain(pattern);
  });

  it('asks for no more than those sites, over https only', () => {
    expect(matches).not.toContain('<all_urls>');
    expect(matches.some((pattern) => pattern.includes('<all_urls>') || pattern.startsWith('http://'))).toBe(false);
    expect(matches.every((pattern) => /^https:\/\/\*\.[a-z0-9.-]+\/\*$/.test(pattern))).toBe(true);
  });

  it('has exactly one pattern per domain', () => {
    const domains = builtInSites.flatMap((site) => site.domains);
    expect(domains).toHaveLength(12);
    expect(new Set(domains).size).toBe(domains.length);
    expect(matches).toHaveLength(domains.length);
    expect(new Set(matches).size).toBe(matches.length);
    for (const domain of domains) {
      expect(matches.filter((pattern) => pattern === `https://*.${domain}/*`)).toHaveLength(1);
    }
  });
});

describe('built-in sites', () => {
  it('lists the adapters in the order and with the ids of BUILT_IN_SITE_IDS', () => {
    expect(builtInSites.map((site) => site.id)).toEqual([...BUILT_IN_SITE_IDS]);
  });

  it('has unique ids', () => {
    expect(new Set(BUILT_IN_SITE_IDS).size).toBe(BUILT_IN_SITE_IDS.length);
    expect(BUILT_IN_SITE_IDS).toHaveLength(10);
  });

  it.each([
    ['instagram', 'Instagram', ['instagram.com']],
    ['facebook', 'Facebook', ['facebook.com']],
    ['tiktok', 'TikTok', ['tiktok.com']],
    ['pinterest', 'Pinterest', ['pinterest.com']],
    ['x', 'X', ['x.com', 'twitter.com']],
    ['youtube', 'YouTube', ['youtube.com']],
    ['reddit', 'Reddit', ['reddit.com']],
    ['threads', 'Threads', ['threads.com', 'threads.net']],
    ['linkedin', 'LinkedIn', ['linkedin.com']],
    ['bluesky', 'Bluesky', ['bsky.app']],
  ])('getSite(%j) is %s on %j', (id, name, domains) => {
    const site = getSite(id);
    expect(site?.id).toBe(id);
    expect(site?.name).toBe(name);
    expect(site?.domains).toEqual(domains);
    expect(isBuiltInSiteId(id)).toBe(true);
  });

  it.each([
    'myspace',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    'X',
    'Instagram',
    ' instagram',
    'twitter',
  ])('rejects the unknown id %j', (id) => {
    expect(getSite(id)).toBeUndefined();
    expect(isBuiltInSiteId(id)).toBe(false);
  });
});
