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

export interface SiteAccessNoticeProps {
  /** The switched-on sites. */
  sites: BuiltInSiteId[];
  access: SiteAccess;
  /** Its own words instead of naming the sites (the first-run page explains why it asks). */
  why?: string;
  /** What to say once she has answered the browser: everything allowed, or not. */
  outcome?: { allowed: string; notAllowed: string };
}

export function SiteAccessNotice({ sites, access, why, outcome }: SiteAccessNoticeProps) {
  const [missing, setMissing] = useState<BuiltInSiteId[]>([]);
  const [said, setSaid] = useState('');
  const key = sites.join();
  useEffect(() => {
    const check = () => void access.missing(sites).then(setMissing, console.error);
    check();
    return access.watch?.(check);
  }, [key]);

  const allow = async () => {
    setSaid('');
    const granted = await access.request(missing).catch(() => false);
    const still = await access.missing(sites);
    setMissing(still);
    if (outcome) setSaid(granted && still.length === 0 ? outcome.allowed : outcome.notAllowed);
  };

  if (missing.length === 0 && !said) return null;
  const names = missing.map((id) => getSite(id)?.name ?? id).join(', ');
  return (
    <div role="note" class="note">
      {missing.length > 0 ? (
        <>
          <p>{why ?? t('siteAccessMissing', names)}</p>
          <button type="button" class="small-button" onClick={() => void allow().catch(console.error)}>
            {t('allowOnSites')}
          </button>
        </>
      ) : null}
      {outcome ? <p role="status">{said}</p> : null}
    </div>
  );
}
