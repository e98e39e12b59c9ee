/**
 * The sites she added, in the browser: registrations follow her settings and the browser's
 * permissions (granted, declined, taken back), open tabs start at once, and a permission left
 * from a removed site is given back. Background module, with in-memory permissions and scripting.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createUserSites, SCRIPT_PREFIX } from '@/entrypoints/background/userSites';
import { newUserSite, type SiteSettings } from '@/utils/sites/userSites';
import { permissionsState } from '../setup/permissions';

let sites: SiteSettings;
const log = vi.fn();

beforeEach(() => {
  sites = { off: [], added: [] };
  log.mockReset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'x',
    version: '1',
    content_scripts: [{ matches: ['https://*.instagram.com/*'], js: ['content-scripts/feed.js'] }],
  });
});

const userSites = () => createUserSites({ api: fakeBrowser, sites: async () => sites, log });
const registered = () => permissionsState.registered.map(({ id, matches, js, runAt }) => ({ id, matches, js, runAt }));

describe('her sites in the browser', () => {
  it('registers the page script for a site once its permission is granted, and only then', async () => {
    sites.added.push(newUserSite('example.com', 'Example', 1));
    const { sync } = userSites();
    await sync();
    expect(registered()).toEqual([]);
    await fakeBrowser.permissions.request({ origins: ['https://*.example.com/*'] });
    await sync();
    expect(registered()).toEqual([
      {
        id: `${SCRIPT_PREFIX}example.com`,
        matches: ['https://*.example.com/*'],
        js: ['content-scripts/feed.js'],
        runAt: 'document_start',
      },
    ]);
    // In step already: nothing registered twice.
    await sync();
    expect(registered()).toHaveLength(1);
    expect(log).not.toHaveBeenCalled();
  });

  it('starts the script in the site’s tabs already open', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.com/' });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab] as never);
    sites.added.push(newUserSite('example.com', '', 1));
    permissionsState.granted.add('https://*.example.com/*');
    await userSites().sync();
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ url: ['https://*.example.com/*'] });
    expect(permissionsState.injected).toEqual([{ tabId: tab.id, files: ['content-scripts/feed.js'] }]);
  });

  it('unregisters a site she removed, and gives back the permission left from it', async () => {
    sites.added.push(newUserSite('example.com', '', 1), newUserSite('example.org', '', 2));
    permissionsState.granted.add('https://*.example.com/*');
    permissionsState.granted.add('https://*.example.org/*');
    const { sync } = userSites();
    await sync();
    expect(registered().map((script) => script.id)).toEqual([
      `${SCRIPT_PREFIX}example.com`,
      `${SCRIPT_PREFIX}example.org`,
    ]);
    // Removed on another browser her settings follow: the permission here goes too.
    sites = { off: [], added: [sites.added[1] as (typeof sites.added)[number]] };
    await sync();
    expect(registered().map((script) => script.id)).toEqual([`${SCRIPT_PREFIX}example.org`]);
    expect(permissionsState.granted.has('https://*.example.com/*')).toBe(false);
    // The built-in sites' permissions are never touched.
    expect(permissionsState.granted.has('https://*.instagram.com/*')).toBe(true);
  });

  it('unregisters a site whose permission she took back, and keeps the site in her list', async () => {
    sites.added.push(newUserSite('example.com', '', 1));
    permissionsState.granted.add('https://*.example.com/*');
    const { sync } = userSites();
    await sync();
    await fakeBrowser.permissions.remove({ origins: ['https://*.example.com/*'] });
    await sync();
    expect(registered()).toEqual([]);
    expect(sites.added).toHaveLength(1);
  });

  it('leaves registrations that are not hers alone', async () => {
    permissionsState.registered.push({ id: 'something-else', matches: ['https://*.example.net/*'] });
    await userSites().sync();
    expect(permissionsState.registered.map((script) => script.id)).toEqual(['something-else']);
  });

  it('follows her settings and the permissions as the background runs', async () => {
    const { startBackground } = await import('@/entrypoints/background/main');
    const background = startBackground(fakeBrowser);
    await background.userSites.sync();
    const settings = (await import('@/utils/storage/settings')).defaultSettings();
    settings.sites.added.push(newUserSite('example.com', '', 1));
    await fakeBrowser.storage.sync.set({ settings });
    // Allowed from the dashboard: the background hears it and registers the site.
    await fakeBrowser.permissions.request({ origins: ['https://*.example.com/*'] });
    await vi.waitFor(() => expect(registered().map((script) => script.id)).toEqual([`${SCRIPT_PREFIX}example.com`]));
    await fakeBrowser.permissions.remove({ origins: ['https://*.example.com/*'] });
    await vi.waitFor(() => expect(registered()).toEqual([]));
  });

  it('puts the registrations in step when the extension is installed or updated', async () => {
    const settings = (await import('@/utils/storage/settings')).defaultSettings();
    settings.sites.added.push(newUserSite('example.com', '', 1));
    await fakeBrowser.storage.sync.set({ settings });
    permissionsState.granted.add('https://*.example.com/*');
    const { startBackground } = await import('@/entrypoints/background/main');
    startBackground(fakeBrowser);
    expect(registered()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(() => expect(registered().map((script) => script.id)).toEqual([`${SCRIPT_PREFIX}example.com`]));
  });
});
