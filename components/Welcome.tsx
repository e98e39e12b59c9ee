/**
 * The first-run page, in three short steps and a last word: what the extension does and what it
 * keeps (everything on this device); which sites to watch (all ten on by default), with the
 * browser's permission asked from her click where the browser needs it (Firefox lets her grant
 * sites one by one; Chrome grants them at install); a first daily limit ("not now" is fine) and
 * how often reminders come; then where the toolbar button is and how to pin it. Each step's
 * heading takes focus when it shows, so a screen reader starts there. Presentational: the page
 * passes her settings, how to save them and the browser's site access.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/utils/i18n';
import { MAX_LIMIT_MINUTES, SUGGESTED_DAILY_LIMIT_MINUTES } from '@/utils/limits/boundarySettings';
import { builtInSites } from '@/utils/sites/registry';
import type { BuiltInSiteId } from '@/utils/sites/types';
import type { Settings } from '@/utils/storage/settings';
import { type SiteAccess, SiteAccessNotice } from './SiteAccessNotice';

export interface WelcomeProps {
  /** Her settings when the page opened (what each step starts from). */
  settings: Settings;
  /**
   * Saves one step's choices: `change` is applied to the settings stored at that moment, so a
   * change made meanwhile elsewhere (the popup, another device's sync) is kept.
   */
  save(change: (current: Settings) => Settings): Promise<void>;
  access: SiteAccess;
  browserName: 'chrome' | 'firefox';
  openDashboard(): void;
  close(): void;
  /** Opened on install: the suggested limit is chosen. Reopened later: what she has is. */
  firstRun: boolean;
}

export const SUGGESTED_LIMIT_MINUTES = SUGGESTED_DAILY_LIMIT_MINUTES;
const STEPS = 3;
type LimitChoice = 'suggested' | 'other' | 'none';

const FREQUENCIES = [
  ['gentle', 'reminderFrequencyGentle'],
  ['balanced', 'reminderFrequencyBalanced'],
  ['frequent', 'reminderFrequencyFrequent'],
  ['off', 'reminderFrequencyOff'],
] as const;

export function Welcome({
  settings: initial,
  save,
  access,
  browserName,
  openDashboard,
  close,
  firstRun,
}: WelcomeProps) {
  const [step, setStep] = useState(0);
  const [off, setOff] = useState<BuiltInSiteId[]>(initial.sites.off);
  const chosen = initial.boundaries.dailyLimitMinutes;
  const [limit, setLimit] = useState<LimitChoice>(
    chosen === null ? (firstRun ? 'suggested' : 'none') : chosen === SUGGESTED_LIMIT_MINUTES ? 'suggested' : 'other',
  );
  const [minutes, setMinutes] = useState(String(chosen ?? SUGGESTED_LIMIT_MINUTES));
  const [frequency, setFrequency] = useState(initial.nudges.frequency);
  const [problem, setProblem] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Each step starts at its heading (not on first load: the page's own heading comes first).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const on = builtInSites.filter((site) => !off.includes(site.id)).map((site) => site.id);

  const saved = async (change: (current: Settings) => Settings) => {
    setProblem('');
    try {
      await save(change);
      return true;
    } catch (error) {
      console.error(error);
      setProblem(t('welcomeSaveFailed'));
      return false;
    }
  };

  const saveSites = async () => {
    if (on.length === 0) return setProblem(t('welcomeNoSites'));
    if (await saved((current) => ({ ...current, sites: { ...current.sites, off } }))) setStep(2);
  };

  const saveLimit = async () => {
    const value = limit === 'none' ? null : limit === 'suggested' ? SUGGESTED_LIMIT_MINUTES : Number(minutes);
    if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= MAX_LIMIT_MINUTES)) {
      return setProblem(t('welcomeLimitRange', String(MAX_LIMIT_MINUTES)));
    }
    const change = (current: Settings) => ({
      ...current,
      boundaries: { ...current.boundaries, dailyLimitMinutes: value },
      nudges: { ...current.nudges, frequency },
    });
    if (await saved(change)) setStep(3);
  };

  const stepLine =
    step < STEPS ? <p class="muted welcome-step">{t('welcomeStep', [String(step + 1), String(STEPS)])}</p> : null;
  const title = (key: MessageKey) => (
    <h2 ref={heading} tabIndex={-1}>
      {t(key)}
    </h2>
  );
  const problemLine = problem ? (
    <p class="field-error" role="alert">
      {problem}
    </p>
  ) : null;

  return (
    <main class="welcome">
      <h1>{t('welcomeHeading')}</h1>
      {step === 0 ? (
        <section>
          {stepLine}
          {title('welcomeWhatTitle')}
          <p>{t('welcomeWhatTime')}</p>
          <p>{t('welcomeWhatAccounts')}</p>
          <p>{t('welcomeWhatKept')}</p>
          <p>
            <a href="/privacy.html" target="_blank" rel="noopener">
              {t('privacyLink')}
            </a>
          </p>
          <div class="welcome-actions">
            <button type="button" onClick={() => setStep(1)}>
              {t('welcomeNext')}
            </button>
          </div>
        </section>
      ) : null}
      {step === 1 ? (
        <section>
          {stepLine}
          {title('welcomeSitesTitle')}
          <fieldset class="welcome-sites">
            <legend>{t('welcomeSitesLegend')}</legend>
            {builtInSites.map((site) => (
              <label key={site.id} class="check">
                <input
                  type="checkbox"
                  checked={!off.includes(site.id)}
                  onChange={(event) =>
                    setOff((current) =>
                      event.currentTarget.checked ? current.filter((id) => id !== site.id) : [...current, site.id],
                    )
                  }
                />
                {site.name}
              </label>
            ))}
          </fieldset>
          <p class="muted">{t('welcomeSitesLater')}</p>
          <SiteAccessNotice
            sites={on}
            access={access}
            why={t('welcomeAllowWhy')}
            outcome={{ allowed: t('welcomeAllowed'), notAllowed: t('welcomeNotAllowed') }}
          />
          {problemLine}
          <div class="welcome-actions">
            <button type="button" class="secondary" onClick={() => setStep(0)}>
              {t('welcomeBack')}
            </button>
            <button type="button" onClick={() => void saveSites()}>
              {t('welcomeNext')}
            </button>
          </div>
        </section>
      ) : null}
      {step === 2 ? (
        <section>
          {stepLine}
          {title('welcomeLimitTitle')}
          <fieldset>
            <legend>{t('welcomeLimitLegend')}</legend>
            <label class="check">
              <input type="radio" name="limit" checked={limit === 'suggested'} onChange={() => setLimit('suggested')} />
              {t('welcomeLimitSuggested', String(SUGGESTED_LIMIT_MINUTES))}
            </label>
            <label class="check">
              <input type="radio" name="limit" checked={limit === 'other'} onChange={() => setLimit('other')} />
              {t('welcomeLimitOther')}
            </label>
            {limit === 'other' ? (
              <label class="field welcome-minutes">
                {t('welcomeLimitMinutes')}
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_LIMIT_MINUTES}
                  value={minutes}
                  onInput={(event) => setMinutes(event.currentTarget.value)}
                />
              </label>
            ) : null}
            <label class="check">
              <input type="radio" name="limit" checked={limit === 'none'} onChange={() => setLimit('none')} />
              {t('welcomeLimitNone')}
            </label>
          </fieldset>
          <p class="muted">{t('welcomeLimitWhat')}</p>
          <fieldset>
            <legend>{t('welcomeRemindersLegend')}</legend>
            {FREQUENCIES.map(([value, key]) => (
              <label key={value} class="check">
                <input
                  type="radio"
                  name="frequency"
                  checked={frequency === value}
                  onChange={() => setFrequency(value)}
                />
                {t(key)}
              </label>
            ))}
          </fieldset>
          {problemLine}
          <div class="welcome-actions">
            <button type="button" class="secondary" onClick={() => setStep(1)}>
              {t('welcomeBack')}
            </button>
            <button type="button" onClick={() => void saveLimit()}>
              {t('welcomeNext')}
            </button>
          </div>
        </section>
      ) : null}
      {step === 3 ? (
        <section>
          {title('welcomePinTitle')}
          <p>{t(browserName === 'firefox' ? 'welcomePinFirefox' : 'welcomePinChrome')}</p>
          <p>{t('welcomePinWhat')}</p>
          <div class="welcome-actions">
            <button type="button" class="secondary" onClick={openDashboard}>
              {t('welcomeOpenDashboard')}
            </button>
            <button type="button" onClick={close}>
              {t('welcomeDone')}
            </button>
          </div>
        </section>
      ) : null}
    </main>
  );
}
