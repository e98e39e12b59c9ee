/**
 * Her decisions about accounts, with undo: hidden on this device, never suggested, marked as
 * "made me feel worse"; and her own words to watch for. Presentational: the popup passes the
 * state and carries out each change through the background (the only writer).
 */
import { useState } from 'preact/hooks';
import { numberText } from '@/components/text/format';
import { t } from '@/utils/i18n';
import {
  type AccountAction,
  type AccountMark,
  type AccountsState,
  MAX_TRIGGER_WORD_LENGTH,
  MAX_TRIGGER_WORDS,
} from '@/utils/mute/accounts';

export interface AccountsPanelProps {
  accounts: AccountsState | null;
  siteName(id: string): string;
  /** Carry out `action` on one account; resolves to the new state, or rejects. */
  act(site: string, handle: string, action: AccountAction): Promise<AccountsState>;
  saveWords(words: string[]): Promise<AccountsState>;
}

const shown = (mark: AccountMark) =>
  mark.hiddenAt !== undefined || mark.silencedAt !== undefined || mark.markedAt !== undefined;

export function AccountsPanel({ accounts, siteName, act, saveWords }: AccountsPanelProps) {
  const [state, setState] = useState(accounts);
  const [failed, setFailed] = useState(false);
  const [words, setWords] = useState((accounts?.triggerWords ?? []).join('\n'));
  const [saved, setSaved] = useState(false);
  /** Why her words were not saved, in words; empty when they can be. */
  const [wordsProblem, setWordsProblem] = useState('');
  const marks = (state?.accounts ?? []).filter(shown);

  const run = async (change: () => Promise<AccountsState>) => {
    setFailed(false);
    setSaved(false);
    try {
      const next = await change();
      setState(next);
      return next;
    } catch (error) {
      console.error(error);
      setFailed(true);
      return undefined;
    }
  };

  const undo = (mark: AccountMark, action: AccountAction, label: string) => (
    <button
      type="button"
      class="secondary small-button"
      aria-label={`${label}: ${t('accountsOnSite', [mark.name || `@${mark.handle}`, siteName(mark.site)])}`}
      onClick={() => void run(() => act(mark.site, mark.handle, action))}
    >
      {label}
    </button>
  );

  return (
    <section class="card accounts" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accountsHeading')}</h2>
      {failed ? <p role="alert">{t('accountsActionFailed')}</p> : null}
      {marks.length === 0 ? (
        <p class="muted">{t('accountsEmpty')}</p>
      ) : (
        <ul class="accounts-list">
          {marks.map((mark) => (
            <li key={`${mark.site}/${mark.handle}`}>
              <span class="account-name">
                {t('accountsOnSite', [mark.name || `@${mark.handle}`, siteName(mark.site)])}
              </span>
              <span class="account-states muted small">
                {[
                  mark.hiddenAt !== undefined ? t('accountsHidden') : null,
                  mark.silencedAt !== undefined ? t('accountsNeverSuggest') : null,
                  mark.markedAt !== undefined ? t('accountsMarked') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span class="account-actions">
                {mark.hiddenAt !== undefined ? undo(mark, 'unhide', t('accountsUnhide')) : null}
                {mark.silencedAt !== undefined ? undo(mark, 'unsilence', t('accountsUnsilence')) : null}
                {mark.markedAt !== undefined ? undo(mark, 'unmark', t('accountsUnmark')) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        class="trigger-words"
        onSubmit={(event) => {
          event.preventDefault();
          const list = words
            .split('\n')
            .map((word) => word.trim())
            .filter(Boolean);
          const tooLong = list.find((word) => word.length > MAX_TRIGGER_WORD_LENGTH);
          const problem = tooLong
            ? t('triggerWordsTooLong', [tooLong, numberText(MAX_TRIGGER_WORD_LENGTH)])
            : list.length > MAX_TRIGGER_WORDS
              ? t('triggerWordsTooMany', numberText(MAX_TRIGGER_WORDS))
              : '';
          setWordsProblem(problem);
          setSaved(false);
          if (problem) return;
          void run(() => saveWords(list)).then((next) => {
            if (!next) return;
            setWords(next.triggerWords.join('\n'));
            setSaved(true);
          });
        }}
      >
        <label for="trigger-words">{t('triggerWordsLabel')}</label>
        <textarea
          id="trigger-words"
          rows={3}
          aria-describedby={wordsProblem ? 'trigger-words-problem trigger-words-hint' : 'trigger-words-hint'}
          aria-invalid={wordsProblem ? 'true' : undefined}
          value={words}
          maxLength={MAX_TRIGGER_WORDS * (MAX_TRIGGER_WORD_LENGTH + 1)}
          onInput={(event) => {
            setSaved(false);
            setWords((event.target as HTMLTextAreaElement).value);
          }}
        />
        {wordsProblem ? (
          <p id="trigger-words-problem" role="alert">
            {wordsProblem}
          </p>
        ) : null}
        <p id="trigger-words-hint" class="muted small">
          {t('triggerWordsHint')}
        </p>
        <button type="submit" class="secondary">
          {t('triggerWordsSave')}
        </button>
        <span role="status" class="muted small">
          {saved ? t('triggerWordsSaved') : ''}
        </span>
      </form>
    </section>
  );
}
