/**
 * Her sites: each built-in site switched on or off, and sites of her own added by address.
 * Adding one asks the browser for that site alone, from her click (only a click may ask), and
 * is kept even when the browser is not allowed there yet: the site then says so and offers
 * Allow (the same when her settings came from another browser, or she took the permission back).
 * Removing one gives its permission back; Undo adds it again. Presentational: the dashboard
 * passes her site settings, how to save them, and the browser's permissions.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { builtInSites } from '@/utils/sites/registry';
import type { BuiltInSiteId } from '@/utils/sites/types';
import {
  type AddressProblem,
  MAX_NAME_LENGTH,
  MAX_USER_SITES,
  newUserSite,
  parseSiteAddress,
  type SiteSettings,
  type UserSite,
} from '@/utils/sites/userSites';
import { numberText } from './text/format';

/** The browser's permission for one site she added (by its domain). */
export interface SitePermissions {
  contains(domain: string): Promise<boolean>;
  /** Must be called straight from her click. */
  request(domain: string): Promise<boolean>;
  remove(domain: string): Promise<void>;
  /** Calls back when permissions change (granted or taken back anywhere); returns how to stop. */
  watch(onChange: () => void): () => void;
}

export interface SitesPanelProps {
  sites: SiteSettings;
  save(sites: SiteSettings): Promise<void>;
  permissions: SitePermissions;
  now?: () => number;
}

const PROBLEM_KEYS: Record<AddressProblem, Parameters<typeof t>[0]> = {
  empty: 'sitesAddEmpty',
  invalid: 'sitesAddInvalid',
  'built-in': 'sitesAddBuiltIn',
  already: 'sitesAddAlready',
  'too-many': 'sitesAddTooMany',
};

export function SitesPanel({ sites: initial, save, permissions, now = Date.now }: SitesPanelProps) {
  const [sites, setSites] = useState(initial);
  const [allowed, setAllowed] = useState<Record<string, boolean>>({});
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const [said, setSaid] = useState('');
  const [removed, setRemoved] = useState<UserSite | undefined>();
  const [failed, setFailed] = useState(false);

  const domains = sites.added.map((site) => site.domain).join(' ');
  useEffect(() => {
    const check = () =>
      void Promise.all(
        sites.added.map(async (site) => [site.domain, await permissions.contains(site.domain)] as const),
      ).then((entries) => setAllowed(Object.fromEntries(entries)), console.error);
    check();
    return permissions.watch(check);
  }, [domains]);

  const change = async (next: SiteSettings, words: string) => {
    setFailed(false);
    try {
      await save(next);
      setSites(next);
      setSaid(words);
      return true;
    } catch (error) {
      console.error(error);
      setFailed(true);
      setSaid('');
      return false;
    }
  };

  const toggle = (id: BuiltInSiteId, siteName: string, on: boolean) => {
    const off = on ? sites.off.filter((site) => site !== id) : [...sites.off, id];
    void change({ ...sites, off }, t(on ? 'sitesSwitchedOn' : 'sitesSwitchedOff', siteName));
  };

  /** Ask for the site (from her click), keep it, and say whether the browser allows it there. */
  const addSite = async (site: UserSite, asked: Promise<boolean>) => {
    const saved = await change(
      { ...sites, added: [...sites.added.filter((other) => other.domain !== site.domain), site] },
      '',
    );
    const granted = await asked.catch(() => false);
    setAllowed((current) => ({ ...current, [site.domain]: granted }));
    if (saved) setSaid(t(granted ? 'sitesAdded' : 'sitesAddedNotAllowed', site.name));
    return saved;
  };

  const allow = (site: UserSite) => {
    void permissions
      .request(site.domain)
      .catch(() => false)
      .then((granted) => {
        setAllowed((current) => ({ ...current, [site.domain]: granted }));
        setSaid(t(granted ? 'sitesAllowed' : 'sitesStillNotAllowed', site.name));
      });
  };

  const remove = async (site: UserSite) => {
    await permissions.remove(site.domain).catch(console.error);
    if (await change({ ...sites, added: sites.added.filter((other) => other !== site) }, t('sitesRemoved', site.name)))
      setRemoved(site);
  };

  return (
    <section class="card sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <p class="muted">{t('sitesIntro')}</p>
      {failed ? <p role="alert">{t('sitesSaveFailed')}</p> : null}
      <fieldset class="sites-built-in">
        <legend>{t('sitesBuiltInLegend')}</legend>
        {builtInSites.map((site) => (
          <label key={site.id} class="check">
            <input
              type="checkbox"
              checked={!sites.off.includes(site.id)}
              onChange={(event) => toggle(site.id, site.name, (event.target as HTMLInputElement).checked)}
            />
            {site.name}
          </label>
        ))}
      </fieldset>
      <h3>{t('sitesOwnHeading')}</h3>
      {sites.added.length === 0 ? (
        <p class="muted">{t('sitesOwnNone')}</p>
      ) : (
        <ul class="accounts-list">
          {sites.added.map((site) => (
            <li key={site.id}>
              <span class="account-name">{site.name}</span>
              <span class="muted small">{site.domain}</span>
              <span class="account-states muted small">
                {allowed[site.domain] === false ? t('sitesNotAllowed') : allowed[site.domain] ? t('sitesWatched') : ''}
              </span>
              <span class="account-actions">
                {allowed[site.domain] === false ? (
                  <button
                    type="button"
                    class="small-button"
                    aria-label={t('sitesAllowLabel', site.name)}
                    onClick={() => allow(site)}
                  >
                    {t('sitesAllow')}
                  </button>
                ) : null}
                <button
                  type="button"
                  class="secondary small-button"
                  aria-label={t('sitesRemoveLabel', site.name)}
                  onClick={() => void remove(site)}
                >
                  {t('sitesRemove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        class="site-add"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setRemoved(undefined);
          const parsed = parseSiteAddress(address, sites);
          if (!parsed.ok) {
            const builtIn = builtInSites.find((site) => site.id === parsed.builtIn);
            setProblem(t(PROBLEM_KEYS[parsed.problem], builtIn ? builtIn.name : numberText(MAX_USER_SITES)));
            setSaid('');
            return;
          }
          setProblem('');
          // The browser's question comes first, straight from her click.
          const asked = permissions.request(parsed.domain);
          void addSite(newUserSite(parsed.domain, name, now()), asked).then((saved) => {
            if (!saved) return;
            setAddress('');
            setName('');
          });
        }}
      >
        <div class="field">
          <label for="site-address">{t('sitesAddressLabel')}</label>
          <input
            id="site-address"
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            placeholder="example.com"
            aria-describedby={problem ? 'site-address-problem site-address-hint' : 'site-address-hint'}
            aria-invalid={problem ? 'true' : undefined}
            value={address}
            maxLength={300}
            onInput={(event) => setAddress((event.target as HTMLInputElement).value)}
          />
          {problem ? (
            <p id="site-address-problem" class="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <p id="site-address-hint" class="muted small">
            {t('sitesAddressHint')}
          </p>
        </div>
        <div class="field">
          <label for="site-name">{t('sitesNameLabel')}</label>
          <input
            id="site-name"
            type="text"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            onInput={(event) => setName((event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit">{t('sitesAdd')}</button>
      </form>
      <p role="status" class="muted small">
        {said}
        {removed ? (
          <>
            {' '}
            <button
              type="button"
              class="secondary small-button"
              onClick={() => {
                const site = removed;
                setRemoved(undefined);
                void addSite(site, permissions.request(site.domain));
              }}
            >
              {t('sitesUndoRemove')}
            </button>
          </>
        ) : null}
      </p>
    </section>
  );
}
