/**
 * The one-click boundary reflection. It opens with two or three ready-made reflections, each a
 * feeling paired with a boundary: one click saves the entry and applies the boundary. "Say a
 * little more" walks three skippable steps: what she noticed (feeling words, a line), what fed
 * it (the site and the accounts she saw most, editable), one small boundary (or none). One Save
 * applies both or neither; afterwards it says what was done, with an undo for the boundary.
 *
 * Each step's heading takes focus when the step opens, so a screen reader announces it.
 * Presentational: the page passes the context and carries out Save and Undo.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { FEELINGS, type Feeling, type FiledEntry, MAX_ENTRY_CHARS, MAX_FED_CHARS } from '@/utils/journal/entries';
import {
  type BoundaryChoice,
  boundaryOptions,
  type ReflectionContext,
  readyReflections,
} from '@/utils/journal/reflection';
import type { ReflectionReply, RequestOf } from '@/utils/messaging/protocol';
import { numberText } from './text/format';
import { choiceText, fedPrefill, savedText } from './text/reflection';

export type ReflectionSave = RequestOf<'reflection/save'>;

export interface ReflectionFlowProps {
  /** What happened; undefined while it loads (the ready-made reflections wait for it). */
  context: ReflectionContext | undefined;
  now(): number;
  save(reflection: ReflectionSave): Promise<ReflectionReply | undefined>;
  /** Take back the boundary saved with `entry`. */
  undo(entry: FiledEntry): Promise<boolean>;
  /** She is done (after saving, or without): the page closes the flow. Absent: no Done button. */
  onDone?(): void;
}

type View = 'start' | 1 | 2 | 3 | 'result';

const failureText = (reply: ReflectionReply | undefined, length: number): string => {
  switch (reply?.ok === false ? reply.reason : undefined) {
    case 'empty':
      return t('reflectFailedEmpty');
    case 'too-long':
      return t('journalTooLong', [numberText(MAX_ENTRY_CHARS), numberText(length)]);
    case 'too-many-windows':
      return t('reflectFailedWindows', numberText(12));
    case 'entry-failed':
    case 'day-full':
      return t('reflectFailedEntry');
    default:
      return t('reflectFailedBoundary');
  }
};

export function ReflectionFlow({ context, now, save, undo, onDone }: ReflectionFlowProps) {
  const [view, setView] = useState<View>('start');
  const [feelings, setFeelings] = useState<Feeling[]>([]);
  const [note, setNote] = useState('');
  const [fed, setFed] = useState<string | undefined>();
  /** Index into the boundary options; -1 for none. */
  const [chosen, setChosen] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState<Extract<ReflectionReply, { ok: true }> | undefined>();
  const [undone, setUndone] = useState<'yes' | 'failed' | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step announces itself: its heading takes focus (on opening too: she just asked for it).
  useEffect(() => {
    heading.current?.focus();
  }, [view]);

  const options = context ? boundaryOptions(context) : [];
  const ready = context ? readyReflections(context) : [];
  const fedText = fed ?? (context ? fedPrefill(context) : '');

  async function send(reflection: ReflectionSave) {
    setBusy(true);
    setProblem('');
    const reply = await save(reflection).catch(() => undefined);
    setBusy(false);
    if (reply?.ok) {
      setSaved(reply);
      setView('result');
    } else {
      setProblem(failureText(reply, reflection.text.length));
    }
  }

  const saveSteps = () =>
    void send({
      ...(context?.site ? { site: context.site.id } : {}),
      feelings,
      text: note,
      fed: fedText,
      ...(chosen >= 0 && options[chosen] ? { choice: options[chosen] as BoundaryChoice } : {}),
    });

  const step = (n: 1 | 2 | 3, title: string) => (
    <>
      <p class="reflect-step muted small">{t('reflectStep', numberText(n))}</p>
      <h2 ref={heading} tabIndex={-1} class="reflect-heading">
        {title}
      </h2>
    </>
  );

  const nav = (next: View, back: View) => (
    <div class="reflect-actions">
      <button type="button" onClick={() => setView(next)}>
        {t('reflectNext')}
      </button>
      <button type="button" class="secondary" onClick={() => setView(next)}>
        {t('reflectSkip')}
      </button>
      <button type="button" class="link-button" onClick={() => setView(back)}>
        {t('reflectBack')}
      </button>
    </div>
  );

  const problemLine = problem ? (
    <p class="field-error" role="alert">
      {problem}
    </p>
  ) : null;

  return (
    <section class="reflect" aria-label={t('reflectHeading')}>
      {view === 'start' ? (
        <>
          <h2 ref={heading} tabIndex={-1} class="reflect-heading">
            {t('reflectHeading')}
          </h2>
          <p class="muted">{t('reflectIntro')}</p>
          <fieldset class="reflect-ready" disabled={busy || !context}>
            <legend class="visually-hidden">{t('reflectReadyLegend')}</legend>
            {ready.map((reflection) => (
              <button
                type="button"
                key={reflection.id}
                class="reflect-ready-choice"
                onClick={() =>
                  void send({
                    ...(context?.site ? { site: context.site.id } : {}),
                    feelings: reflection.feelings,
                    text: `${t(`ready_${reflection.id}` as Parameters<typeof t>[0])}.`,
                    fed: fedText,
                    choice: reflection.choice,
                  })
                }
              >
                {t('reflectReadyChoice', [
                  t(`ready_${reflection.id}` as Parameters<typeof t>[0]),
                  context ? choiceText(reflection.choice, context, now()) : '',
                ])}
              </button>
            ))}
          </fieldset>
          {problemLine}
          <div class="reflect-actions">
            <button type="button" class="secondary" onClick={() => setView(1)}>
              {t('reflectMore')}
            </button>
            {onDone ? (
              <button type="button" class="link-button" onClick={onDone}>
                {t('reflectBack')}
              </button>
            ) : null}
          </div>
          <p class="muted small reflect-support">{t('reflectSupportLine')}</p>
        </>
      ) : null}

      {view === 1 ? (
        <>
          {step(1, t('reflectStep1Heading'))}
          <fieldset class="reflect-feelings">
            <legend class="small">{t('reflectFeelingsLegend')}</legend>
            {FEELINGS.map((feeling) => {
              const on = feelings.includes(feeling);
              return (
                <button
                  type="button"
                  key={feeling}
                  class="reflect-feeling"
                  aria-pressed={on ? 'true' : 'false'}
                  onClick={() =>
                    setFeelings((current) => (on ? current.filter((item) => item !== feeling) : [...current, feeling]))
                  }
                >
                  {t(`feeling_${feeling}` as Parameters<typeof t>[0])}
                </button>
              );
            })}
          </fieldset>
          <label for="reflect-note">{t('reflectNoteLabel')}</label>
          <input id="reflect-note" type="text" value={note} onInput={(event) => setNote(event.currentTarget.value)} />
          {nav(2, 'start')}
        </>
      ) : null}

      {view === 2 ? (
        <>
          {step(2, t('reflectStep2Heading'))}
          <label for="reflect-fed">{t('reflectFedLabel')}</label>
          <input
            id="reflect-fed"
            type="text"
            maxLength={MAX_FED_CHARS}
            value={fedText}
            onInput={(event) => setFed(event.currentTarget.value)}
          />
          {nav(3, 1)}
        </>
      ) : null}

      {view === 3 ? (
        <>
          {step(3, t('reflectStep3Heading'))}
          <fieldset class="reflect-options" disabled={busy}>
            <legend class="visually-hidden">{t('reflectStep3Heading')}</legend>
            {[...options.map((option) => (context ? choiceText(option, context, now()) : '')), t('choiceNone')].map(
              (label, index) => {
                const value = index < options.length ? index : -1;
                return (
                  <label class="reflect-option" key={label}>
                    <input
                      type="radio"
                      name="reflect-boundary"
                      checked={chosen === value}
                      onChange={() => setChosen(value)}
                    />
                    {label}
                  </label>
                );
              },
            )}
          </fieldset>
          {problemLine}
          <p class="muted small reflect-support">{t('reflectSupportLine')}</p>
          <div class="reflect-actions">
            <button type="button" disabled={busy} onClick={saveSteps}>
              {t('reflectSave')}
            </button>
            <button type="button" class="link-button" onClick={() => setView(2)}>
              {t('reflectBack')}
            </button>
          </div>
        </>
      ) : null}

      {view === 'result' && saved ? (
        <>
          <h2 ref={heading} tabIndex={-1} class="reflect-heading">
            {undone === 'yes' ? t('reflectUndone') : savedText(saved.applied, context)}
          </h2>
          <p role="status" class="muted small">
            {undone === 'failed' ? t('reflectUndoFailed') : ''}
          </p>
          <div class="reflect-actions">
            {saved.applied && undone !== 'yes' ? (
              <button
                type="button"
                class="secondary"
                onClick={async () => setUndone((await undo(saved.entry).catch(() => false)) ? 'yes' : 'failed')}
              >
                {t('reflectUndo')}
              </button>
            ) : null}
            {onDone ? (
              <button type="button" onClick={onDone}>
                {t('reflectDone')}
              </button>
            ) : null}
          </div>
          <p class="muted small reflect-support">{t('reflectSupportLine')}</p>
        </>
      ) : null}
    </section>
  );
}
