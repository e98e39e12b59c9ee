/**
 * The journal in the popup: today's prompt, "Another prompt", "Write", which opens a place to
 * write whose words are kept as she types (and are there, open, when the popup opens again)
 * until she saves or clears them, and her last few entries to read, edit or delete.
 * Presentational: the popup passes what is stored and carries out each change (entries through
 * the background, the draft in storage).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { momentText, numberText } from '@/components/text/format';
import { appliedText } from '@/components/text/reflection';
import { t } from '@/utils/i18n';
import { type FiledEntry, MAX_ENTRIES_PER_DAY, MAX_ENTRY_CHARS } from '@/utils/journal/entries';
import { nextPrompt, type Prompt, promptById } from '@/utils/journal/prompts';
import type { JournalRefusal, JournalReply } from '@/utils/messaging/protocol';
import type { JournalDraft } from '@/utils/storage/items';

/** How many entries the popup lists. */
export const RECENT_ENTRIES = 3;

export interface JournalPanelProps {
  /** The prompt for today (the popup works it out from the day and what was shown last). */
  prompt: Prompt;
  draft: JournalDraft | null;
  now(): number;
  /** She asked for another prompt: remember it for the rest of today. */
  promptShown(prompt: Prompt): void;
  /** Keep (or, with null, forget) what she is writing. */
  keepDraft(draft: JournalDraft | null): Promise<void>;
  save(text: string, promptId: string): Promise<JournalReply | undefined>;
  /** Her newest entries, or undefined when they can't be read now. */
  recent(): Promise<{ entries: FiledEntry[]; unreadable: number } | undefined>;
  edit(entry: FiledEntry, text: string): Promise<JournalReply | undefined>;
  remove(entry: FiledEntry): Promise<boolean>;
  /** Open the one-click reflection in its place. */
  onReflect?(): void;
  /**
   * Show the prompt with "Write" until she chooses to write (the popup, where room is short);
   * the place to write and her last entries open then, or at once when a draft is waiting.
   */
  writeOnRequest?: boolean;
}

/** Why an entry was not saved, in words; her text stays where it is. */
export function refusalWords(reason: JournalRefusal | undefined, length: number): string {
  switch (reason) {
    case 'empty':
      return t('journalEmpty');
    case 'too-long':
      return t('journalTooLong', [numberText(MAX_ENTRY_CHARS), numberText(length)]);
    case 'day-full':
      return t('journalDayFull', numberText(MAX_ENTRIES_PER_DAY));
    case 'not-found':
      return t('journalNotFound');
    default:
      return t('journalSaveFailed');
  }
}

/** The same checks the background makes, before anything is sent. */
function localRefusal(text: string): JournalRefusal | undefined {
  if (text.trim() === '') return 'empty';
  return text.length > MAX_ENTRY_CHARS ? 'too-long' : undefined;
}

export function JournalPanel(props: JournalPanelProps) {
  const { now, keepDraft } = props;
  const [prompt, setPrompt] = useState<Prompt>(
    (props.draft?.text ? promptById(props.draft.promptId) : undefined) ?? props.prompt,
  );
  const [text, setText] = useState(props.draft?.text ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [cleared, setCleared] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(!props.writeOnRequest || Boolean(props.draft?.text));
  const textBox = useRef<HTMLTextAreaElement>(null);
  // "Write" gives way to the place to write: focus goes there (not when a draft opened it).
  const focusText = useRef(false);
  const startWriting = () => {
    focusText.current = true;
    setWriting(true);
  };
  useEffect(() => {
    if (writing && focusText.current) textBox.current?.focus();
    focusText.current = false;
  }, [writing]);

  const keep = (next: string, promptId = prompt.id) =>
    void keepDraft(next === '' ? null : { text: next, promptId, at: now() }).catch(console.error);

  const another = () => {
    const next = nextPrompt(prompt.id);
    setPrompt(next);
    props.promptShown(next);
    if (text !== '') keep(text, next.id);
  };

  const clear = () => {
    setCleared(text);
    setText('');
    setProblem('');
    setStatus(t('journalCleared'));
    keep('');
  };

  const bringBack = () => {
    if (cleared === undefined) return;
    setText(cleared);
    keep(cleared);
    setCleared(undefined);
    setStatus('');
  };

  const [entries, setEntries] = useState<FiledEntry[] | undefined>();
  const [unreadable, setUnreadable] = useState(0);
  const [listFailed, setListFailed] = useState(false);
  useEffect(() => {
    if (!writing) return;
    props.recent().then(
      (result) => {
        if (!result) return setListFailed(true);
        setEntries(result.entries);
        setUnreadable(result.unreadable);
      },
      () => setListFailed(true),
    );
  }, [writing]);

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    setCleared(undefined);
    const refusal = localRefusal(text);
    if (refusal) return setProblem(refusalWords(refusal, text.length));
    setBusy(true);
    const reply = await props.save(text, prompt.id).catch(() => undefined);
    setBusy(false);
    if (!reply?.ok) return setProblem(refusalWords(reply?.reason, text.length));
    setProblem('');
    setText('');
    keep('');
    setStatus(t('journalSaved'));
    setEntries((list) => [reply.entry, ...(list ?? [])].slice(0, RECENT_ENTRIES));
    setListFailed(false);
  };

  return (
    <section class="journal" aria-labelledby="journal-heading">
      <div class="section-top">
        <h2 id="journal-heading">{t('journalHeading')}</h2>
        {props.onReflect ? (
          <button type="button" class="secondary small-button" onClick={props.onReflect}>
            {t('reflectButton')}
          </button>
        ) : null}
      </div>
      <p class="journal-prompt" id="journal-prompt">
        {t(prompt.messageKey as Parameters<typeof t>[0])}
      </p>
      <div class="journal-actions">
        {writing ? null : (
          <button type="button" class="small-button" aria-describedby="journal-prompt" onClick={startWriting}>
            {t('journalWrite')}
          </button>
        )}
        <button type="button" class="link-button" onClick={another}>
          {t('journalAnotherPrompt')}
        </button>
      </div>
      {writing ? (
        <>
          <form class="journal-write" onSubmit={save}>
            <label for="journal-text">{t('journalTextLabel')}</label>
            <textarea
              id="journal-text"
              ref={textBox}
              rows={4}
              value={text}
              aria-describedby="journal-prompt journal-draft-note"
              aria-invalid={problem ? 'true' : undefined}
              aria-errormessage={problem ? 'journal-problem' : undefined}
              onInput={(event) => {
                const next = event.currentTarget.value;
                setText(next);
                setCleared(undefined);
                if (problem) setProblem('');
                keep(next);
              }}
            />
            <p class="muted small" id="journal-draft-note">
              {t('journalDraftNote')}
            </p>
            {problem ? (
              <p class="field-error" id="journal-problem" role="alert">
                {problem}
              </p>
            ) : null}
            <div class="journal-actions">
              <button type="submit" disabled={busy}>
                {t('journalSave')}
              </button>
              <button type="button" class="secondary" onClick={clear} disabled={text === ''}>
                {t('journalClear')}
              </button>
            </div>
            <p class="form-status" role="status">
              {status}
              {cleared !== undefined && cleared !== '' ? (
                <>
                  {' '}
                  <button type="button" class="link-button" onClick={bringBack}>
                    {t('journalUndoClear')}
                  </button>
                </>
              ) : null}
            </p>
          </form>
          <JournalEntries
            entries={entries}
            unreadable={unreadable}
            failed={listFailed}
            edit={props.edit}
            remove={props.remove}
            onChange={setEntries}
          />
        </>
      ) : null}
    </section>
  );
}

interface JournalEntriesProps {
  /** The list's own heading ("Your last entries"); none where the page has one. */
  heading?: string | null;
  entries: FiledEntry[] | undefined;
  unreadable: number;
  failed: boolean;
  edit(entry: FiledEntry, text: string): Promise<JournalReply | undefined>;
  remove(entry: FiledEntry): Promise<boolean>;
  onChange(entries: FiledEntry[]): void;
}

/** Her entries, newest first, each readable, editable in place, and deletable after a question. */
export function JournalEntries({ heading, entries, unreadable, failed, edit, remove, onChange }: JournalEntriesProps) {
  const [status, setStatus] = useState('');
  const title = heading === undefined ? t('journalRecentHeading') : heading;
  return (
    <div class="journal-entries">
      {title ? <h3>{title}</h3> : null}
      {failed ? <p class="muted small">{t('journalLoadFailed')}</p> : null}
      {unreadable > 0 ? <p class="muted small">{t('journalEntriesUnreadable')}</p> : null}
      {entries && entries.length === 0 && !failed ? <p class="muted small">{t('journalNoEntries')}</p> : null}
      {entries && entries.length > 0 ? (
        <ul>
          {entries.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              edit={edit}
              remove={async (gone) => {
                const ok = await remove(gone).catch(() => false);
                if (ok) {
                  onChange(entries.filter((candidate) => candidate.id !== gone.id));
                  setStatus(t('journalDeleted'));
                }
                return ok;
              }}
              changed={(next) => onChange(entries.map((candidate) => (candidate.id === next.id ? next : candidate)))}
            />
          ))}
        </ul>
      ) : null}
      <p class="form-status" role="status">
        {status}
      </p>
    </div>
  );
}

interface EntryItemProps {
  entry: FiledEntry;
  edit(entry: FiledEntry, text: string): Promise<JournalReply | undefined>;
  remove(entry: FiledEntry): Promise<boolean>;
  changed(entry: FiledEntry): void;
}

function EntryItem({ entry, edit, remove, changed }: EntryItemProps) {
  const [mode, setMode] = useState<'read' | 'edit' | 'ask'>('read');
  const [text, setText] = useState(entry.text);
  const [problem, setProblem] = useState('');
  const editBox = useRef<HTMLTextAreaElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const when = momentText(entry.at);
  const prompt = promptById(entry.promptId);
  const boxId = `entry-${entry.id}`;

  // Focus follows what she opened, and returns to Edit when she is done.
  useEffect(() => {
    if (mode === 'edit') editBox.current?.focus();
    if (mode === 'ask') keepButton.current?.focus();
  }, [mode]);
  const back = () => {
    setMode('read');
    setProblem('');
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const saveEdit = async (event: Event) => {
    event.preventDefault();
    const refusal = localRefusal(text);
    if (refusal) return setProblem(refusalWords(refusal, text.length));
    const reply = await edit(entry, text).catch(() => undefined);
    if (!reply?.ok) return setProblem(refusalWords(reply?.reason, text.length));
    changed(reply.entry);
    back();
  };

  return (
    <li class="journal-entry">
      <p class="muted small">
        <time dateTime={new Date(entry.at).toISOString()}>{when}</time>
        {entry.editedAt !== undefined ? ` · ${t('journalEdited')}` : ''}
      </p>
      {prompt ? (
        <p class="muted small journal-entry-prompt">
          {t('journalEntryPrompt', t(prompt.messageKey as Parameters<typeof t>[0]))}
        </p>
      ) : null}
      {entry.feelings?.length ? (
        <p class="muted small">
          {t(
            'journalEntryFeelings',
            entry.feelings.map((feeling) => t(`feeling_${feeling}` as Parameters<typeof t>[0])).join(', '),
          )}
        </p>
      ) : null}
      {entry.fed ? <p class="muted small">{t('journalEntryFed', entry.fed)}</p> : null}
      {entry.boundary ? <p class="muted small">{t('journalEntryBoundary', appliedText(entry.boundary))}</p> : null}
      {mode === 'edit' ? (
        <form onSubmit={saveEdit} class="journal-edit">
          <label for={boxId} class="visually-hidden">
            {t('journalEditTextLabel', when)}
          </label>
          <textarea
            id={boxId}
            ref={editBox}
            rows={4}
            value={text}
            aria-invalid={problem ? 'true' : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setText(entry.text);
                back();
              }
            }}
          />
          {problem ? (
            <p class="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div class="journal-actions">
            <button type="submit">{t('journalSaveChanges')}</button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setText(entry.text);
                back();
              }}
            >
              {t('journalCancel')}
            </button>
          </div>
        </form>
      ) : (
        <p class="journal-entry-text">{entry.text}</p>
      )}
      {mode === 'read' ? (
        <div class="journal-actions">
          <button
            type="button"
            ref={editButton}
            class="secondary small-button"
            aria-label={t('journalEditLabel', when)}
            onClick={() => setMode('edit')}
          >
            {t('journalEdit')}
          </button>
          <button
            type="button"
            class="secondary small-button"
            aria-label={t('journalDeleteLabel', when)}
            onClick={() => setMode('ask')}
          >
            {t('journalDelete')}
          </button>
        </div>
      ) : null}
      {mode === 'ask' ? (
        <fieldset class="journal-actions journal-ask">
          <legend class="small">{t('journalDeleteAsk')}</legend>
          <button type="button" class="small-button" onClick={() => void remove(entry)}>
            {t('journalDelete')}
          </button>
          <button type="button" ref={keepButton} class="secondary small-button" onClick={back}>
            {t('journalKeep')}
          </button>
        </fieldset>
      ) : null}
    </li>
  );
}
