/**
 * The one-tap question after a long feed session: how she feels now (better, about the same, a
 * bit worse, much worse), then an optional note. "Not now" closes it for that session; "Don't
 * ask me this" turns the question off (the popup's reminder settings turn it back on).
 * Presentational: the page passes the question and carries out each answer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { AFTER_FEELINGS, type AfterFeeling, type CheckInQuestion, MAX_CHECK_IN_NOTE } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import { getSite } from '@/utils/sites/registry';
import { numberText } from './text/format';

export interface CheckInCardProps {
  question: CheckInQuestion;
  answer(feeling: AfterFeeling, note?: string): Promise<boolean>;
  dismiss(): Promise<boolean>;
  stopAsking(): Promise<boolean>;
  /** She is done with it (answered, not now, or turned off): the page may take it away. */
  onClose?(): void;
  /** Focus its heading when it appears (where she opened it herself, not where it comes by). */
  focusOnOpen?: boolean;
}

const ANSWER_KEYS: Record<AfterFeeling, 'checkInBetter' | 'checkInSame' | 'checkInBitWorse' | 'checkInMuchWorse'> = {
  better: 'checkInBetter',
  same: 'checkInSame',
  'bit-worse': 'checkInBitWorse',
  'much-worse': 'checkInMuchWorse',
};

export function checkInHeading(question: Pick<CheckInQuestion, 'site' | 'activeMs'>): string {
  const minutes = numberText(Math.max(1, Math.round(question.activeMs / 60_000)));
  const site = getSite(question.site);
  return site ? t('checkInHeading', [minutes, site.name]) : t('checkInHeadingNoSite', minutes);
}

export function CheckInCard({ question, answer, dismiss, stopAsking, onClose, focusOnOpen }: CheckInCardProps) {
  const [answered, setAnswered] = useState<AfterFeeling | undefined>();
  const [stopped, setStopped] = useState(false);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const thanks = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, []);
  useEffect(() => {
    if (answered) thanks.current?.focus();
  }, [answered]);

  const run = async (action: () => Promise<boolean>, then: () => void) => {
    setStatus('');
    if (await action().catch(() => false)) then();
    else setStatus(t('checkInFailed'));
  };

  return (
    <section class="checkin" aria-labelledby="checkin-heading">
      <h2 id="checkin-heading" ref={heading} tabIndex={-1}>
        {checkInHeading(question)}
      </h2>
      {stopped ? (
        <p role="status">{t('checkInStopped')}</p>
      ) : answered === undefined ? (
        <>
          <fieldset class="checkin-answers">
            <legend class="visually-hidden">{t('checkInFeelingsLabel')}</legend>
            {AFTER_FEELINGS.map((feeling) => (
              <button
                type="button"
                key={feeling}
                class="reflect-feeling"
                onClick={() =>
                  void run(
                    () => answer(feeling),
                    () => setAnswered(feeling),
                  )
                }
              >
                {t(ANSWER_KEYS[feeling])}
              </button>
            ))}
          </fieldset>
          <div class="reflect-actions">
            <button type="button" class="link-button" onClick={() => void run(dismiss, () => onClose?.())}>
              {t('checkInClose')}
            </button>
            <button type="button" class="link-button" onClick={() => void run(stopAsking, () => setStopped(true))}>
              {t('checkInStopAsking')}
            </button>
          </div>
        </>
      ) : (
        <form
          class="checkin-note"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => answer(answered, note),
              () => setStatus(t('checkInNoteSaved')),
            );
          }}
        >
          <p ref={thanks} tabIndex={-1}>
            {t('checkInThanks')}
          </p>
          <label for="checkin-note">{t('checkInNoteLabel')}</label>
          <input
            id="checkin-note"
            type="text"
            maxLength={MAX_CHECK_IN_NOTE}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <div class="reflect-actions">
            <button type="submit" class="secondary" disabled={note.trim() === ''}>
              {t('checkInSaveNote')}
            </button>
            {onClose ? (
              <button type="button" onClick={onClose}>
                {t('checkInDone')}
              </button>
            ) : null}
          </div>
        </form>
      )}
      <p class="small" role="status">
        {status}
      </p>
    </section>
  );
}
