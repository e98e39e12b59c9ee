/**
 * The sites she added, made real in this browser: for each one whose host permission she
 * granted here, the page script is registered to run there (`scripting.registerContentScripts`)
 * and injected into its tabs already open; for a site she removed, or whose permission she
 * took back, the registration goes, and so does any permission left over from a removed site.
 * Kept in step whenever her settings or the browser's permissions change, and when the
 * extension is installed or updated and the browser starts (registrations persist between). The dashboard asks for the permission (only a click may ask).
 */
import type { browser as Browser } from 'wxt/browser';
import { contentScriptMatches } from '@/utils/sites/registry';
import { type SiteSettings, userSiteMatches } from '@/utils/sites/userSites';
import { createSerialQueue } from './serial';

/** Registrations of her sites are named `user-site:<domain>`. */
export const SCRIPT_PREFIX = 'user-site:';

type Api = Pick<typeof Browser, 'permissions' | 'scripting' | 'runtime' | 'tabs'>;
/** The manifest's own file names (WXT types `files` as its known paths). */
type ScriptFiles = NonNullable<Parameters<Api['scripting']['executeScript']>[0]['files']>;

export interface UserSitesDeps {
  api: Api;
  sites: () => Promise<SiteSettings>;
  log?: (error: unknown) => void;
}

export function createUserSites({ api, sites, log = console.error }: UserSitesDeps) {
  const serial = createSerialQueue();
  const builtIn = new Set(contentScriptMatches());
  /** The page script's file, as the manifest names it for the built-in sites. */
  const scriptFiles = () => api.runtime.getManifest().content_scripts?.[0]?.js ?? [];

  async function syncNow(): Promise<void> {
    const { added } = await sites();
    const granted = new Set((await api.permissions.getAll()).origins ?? []);
    const wanted = new Map<string, string[]>();
    for (const site of added) {
      const origins = userSiteMatches(site.domain);
      if (origins.every((origin) => granted.has(origin))) wanted.set(`${SCRIPT_PREFIX}${site.domain}`, origins);
    }
    const registered = (await api.scripting.getRegisteredContentScripts()).filter((script) =>
      script.id.startsWith(SCRIPT_PREFIX),
    );
    const stale = registered
      .filter((script) => String(script.matches) !== String(wanted.get(script.id)))
      .map((script) => script.id);
    if (stale.length > 0) await api.scripting.unregisterContentScripts({ ids: stale });
    const kept = new Set(registered.map((script) => script.id).filter((id) => !stale.includes(id)));
    const fresh = [...wanted].filter(([id]) => !kept.has(id));
    if (fresh.length > 0) {
      const js = scriptFiles();
      await api.scripting.registerContentScripts(
        fresh.map(([id, matches]) => ({ id, matches, js, runAt: 'document_start', persistAcrossSessions: true })),
      );
      // Tabs of the site already open start counting now, not at their next load.
      for (const [, matches] of fresh) {
        for (const tab of await api.tabs.query({ url: matches })) {
          if (tab.id === undefined) continue;
          await api.scripting
            .executeScript({ target: { tabId: tab.id }, files: js as ScriptFiles })
            .catch(() => undefined);
        }
      }
    }
    // A permission left from a site she removed (here, or on another browser her settings follow).
    const addedOrigins = new Set(added.flatMap((site) => userSiteMatches(site.domain)));
    const orphans = [...granted].filter((origin) => !builtIn.has(origin) && !addedOrigins.has(origin));
    if (orphans.length > 0) await api.permissions.remove({ origins: orphans });
  }

  /** Bring registrations in step with her settings and the browser's permissions. */
  const sync = () => serial(() => syncNow().catch(log));

  return { sync };
}
