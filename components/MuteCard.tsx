/**
 * The mute suggestion: a small card in a bottom corner (like the reminder card, the other
 * corner), announced politely and never taking focus. It names the account and what its posts
 * often show — about the feed, never about the person or about her — and offers to hide it on
 * this device, the site's own way to mute it, "not now" and "not for this account".
 * Presentational: the content script mounts it in a shadow root and carries out the choice.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useEscape } from './escape';

export type MuteChoice = 'hide' | 'not-now' | 'silence' | 'closed' | 'reflect';

export interface MuteCardProps {
  /** How the account is shown: its display name, or `@handle`. */
  account: string;
  /** What its posts often show, already in words (a theme), or undefined. */
  themeText?: string;
  /** The site's name ("Instagram"). */
  siteName: string;
  /** The site's own steps to mute, unfollow or say "not interested", already in words. */
  muteSteps: readonly string[];
  /** The account's page on the site, when known. */
  accountUrl?: string;
  /** Called exactly once; after it the card renders nothing. */
  onChoice(choice: MuteChoice): void;
}

export function MuteCard({ account, themeText, siteName, muteSteps, accountUrl, onChoice }: MuteCardProps) {
  const [done, setDone] = useState(false);
  const [announced, setAnnounced] = useState(false);
  const [stepsOpen, setStepsOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const finished = useRef(false);
  const latest = useRef(onChoice);
  latest.current = onChoice;

  const finish = useCallback((choice: MuteChoice) => {
    if (finished.current) return;
    finished.current = true;
    setDone(true);
    latest.current(choice);
  }, []);

  useEffect(() => setAnnounced(true), []);

  // Esc closes it, unless she is typing somewhere on the site.
  const close = useCallback(() => finish('closed'), [finish]);
  useEscape(root, !done, close);

  if (done) return null;

  return (
    <div ref={root} class="otf-nudge otf-mute">
      <div class="otf-nudge-top">
        <div class="otf-nudge-message" role="status">
          {announced ? (
            <>
              <p class="otf-nudge-label">{t('muteLabel')}</p>
              <p class="otf-nudge-text">
                {themeText ? t('muteTextTheme', [account, themeText]) : t('muteText', account)}
              </p>
            </>
          ) : null}
        </div>
        <button type="button" class="otf-nudge-close" aria-label={t('muteClose')} onClick={() => finish('closed')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="otf-nudge-actions">
        <button type="button" class="otf-nudge-primary" onClick={() => finish('hide')}>
          {t('muteHide')}
        </button>
        <button
          type="button"
          class="otf-nudge-secondary"
          aria-expanded={stepsOpen ? 'true' : 'false'}
          onClick={() => setStepsOpen((open) => !open)}
        >
          {t('muteHowTo', siteName)}
        </button>
        <button type="button" class="otf-nudge-secondary" onClick={() => finish('not-now')}>
          {t('muteNotNow')}
        </button>
      </div>
      {stepsOpen ? (
        <div class="otf-mute-steps">
          <ol>
            {muteSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {accountUrl ? (
            <a href={accountUrl} target="_blank" rel="noopener noreferrer">
              {t('muteOpenAccount', account)}
            </a>
          ) : null}
        </div>
      ) : null}
      <button type="button" class="otf-mute-never" onClick={() => finish('silence')}>
        {t('muteNever')}
      </button>
      <button type="button" class="otf-mute-never" onClick={() => finish('reflect')}>
        {t('boundaryReflect')}
      </button>
    </div>
  );
}
