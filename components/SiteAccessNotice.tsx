/**
 * Where the browser lets her grant sites one by one (Firefox), a switched-on site may not be
 * allowed — never granted, or taken back later in the browser's settings — and nothing is
 * counted there. This note says so and asks for them from her click; it follows grants and
 * take-backs made anywhere while it is open. Where every site is allowed it shows nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { getSite } from '@/utils/sites/registry';
import type { BuiltInSiteId } from '@/utils/sites/types';

/** The browser's access to the built-in sites. */
export interface SiteAccess {
  /** Which of `sites` the extension may not run on yet. */
  missing(sites: BuiltInSiteId[]): Promise<BuiltInSiteId[]>;
  /** Asks the browser for `sites` (must be called straight from her click); true when allowed. */
  request(sites: BuiltInSiteId[]): Promise<boolean>;
  /** Calls back when a permission is granted or taken back anywhere; returns how to stop. */
  watch?(onChange: () => void): () => void;
}

export function SiteAccessNotice({ sites, access }: { sites: BuiltInSiteId[]; access: SiteAccess }) {
  const [missing, setMissing] = useState<BuiltInSiteId[]>([]);
  const key = sites.join();
  useEffect(() => {
    const check = () => void access.missing(sites).then(setMissing, console.error);
    check();
    return access.watch?.(check);
  }, [key]);

  if (missing.length === 0) return null;
  const names = missing.map((id) => getSite(id)?.name ?? id).join(', ');
  return (
    <div role="note" class="note">
      <p>{t('siteAccessMissing', names)}</p>
      <button
        type="button"
        class="small-button"
        onClick={() =>
          void access
            .request(missing)
            .catch(() => false)
            .then(() => access.missing(sites))
            .then(setMissing, console.error)
        }
      >
        {t('allowOnSites')}
      </button>
    </div>
  );
}
