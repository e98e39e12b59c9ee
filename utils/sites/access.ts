/**
 * The browser's access to the built-in sites (not pure: the permissions API). Chrome grants the
 * manifest's host permissions at install; Firefox lets her grant or take back each site, so a
 * switched-on site may not be allowed, and nothing is counted there until it is.
 */
import { browser } from 'wxt/browser';
import { builtInSites, siteOrigins } from './registry';
import type { BuiltInSiteId } from './types';

const originsOf = (ids: readonly BuiltInSiteId[]) =>
  builtInSites.filter((site) => ids.includes(site.id)).flatMap(siteOrigins);

export const builtInSiteAccess = {
  /** Which of `ids` the extension may not run on yet. */
  async missing(ids: BuiltInSiteId[]): Promise<BuiltInSiteId[]> {
    // One question when all are allowed (always so on Chrome); site by site only otherwise.
    if (ids.length === 0 || (await browser.permissions.contains({ origins: originsOf(ids) }).catch(() => false))) {
      return [];
    }
    const allowed = await Promise.all(
      ids.map((id) => browser.permissions.contains({ origins: originsOf([id]) }).catch(() => false)),
    );
    return ids.filter((_, index) => !allowed[index]);
  },
  /** Asks for `ids` all at once; only from her click. */
  request: (ids: BuiltInSiteId[]) => browser.permissions.request({ origins: originsOf(ids) }),
  /** Calls back when she grants or takes back a permission anywhere; returns how to stop. */
  watch(onChange: () => void): () => void {
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  },
};
