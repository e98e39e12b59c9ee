/**
 * Import: choose a file exported by this extension, see what it holds (read and checked here,
 * before anything changes), choose merge or replace, import. A file that can't be used says
 * what is wrong and changes nothing. Presentational: the page supplies `read` (the pure reader)
 * and `apply` (the background reads the file again and writes).
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { ReplyOf } from '@/utils/messaging/protocol';
import { type ImportPlan, type ImportProblem, MAX_IMPORT_BYTES } from '@/utils/storage/importData';
import { numberText } from './text/format';

export interface ImportPanelProps {
  read(text: string): { ok: true; value: ImportPlan } | { ok: false; problem: ImportProblem };
  apply(text: string, mode: 'merge' | 'replace'): Promise<ReplyOf<'data/import'> | undefined>;
  /** After a successful import: the page reloads what it shows. */
  onImported?(): void;
}

export function importProblemText(problem: ImportProblem | { code: 'not-here' } | { code: 'failed' }): string {
  switch (problem.code) {
    case 'too-large':
      return t('importTooLarge', numberText(problem.limitMb));
    case 'not-json':
      return t('importNotJson');
    case 'forbidden-key':
      return t('importForbidden', problem.key);
    case 'not-ours':
      return t('importNotOurs');
    case 'newer-version':
      return t('importNewer', numberText(problem.version));
    case 'invalid':
      return t('importInvalid', problem.path);
    default:
      return t('importFailed');
  }
}

export function ImportPanel({ read, apply, onImported }: ImportPanelProps) {
  const [text, setText] = useState<string | undefined>();
  const [plan, setPlan] = useState<ImportPlan | undefined>();
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setPlan(undefined);
    setText(undefined);
    setStatus('');
    if (!file) return;
    // Too large to be ours: said without reading it.
    if (file.size > MAX_IMPORT_BYTES) return setStatus(importProblemText({ code: 'too-large', limitMb: 25 }));
    const content = await file.text();
    const result = read(content);
    if (!result.ok) return setStatus(importProblemText(result.problem));
    setText(content);
    setPlan(result.value);
  };

  const run = async () => {
    if (text === undefined) return;
    setBusy(true);
    const reply = await apply(text, mode).catch(() => undefined);
    setBusy(false);
    if (reply?.ok) {
      setStatus(t('importDone'));
      setPlan(undefined);
      setText(undefined);
      onImported?.();
    } else setStatus(importProblemText(reply && !reply.ok ? reply.problem : { code: 'failed' }));
  };

  const summary = plan?.summary;
  return (
    <div class="import">
      <label for="import-file">{t('importLabel')}</label>
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        aria-describedby="import-help"
        onChange={(event) => void choose(event.currentTarget.files?.[0])}
      />
      <p id="import-help" class="muted small">
        {t('importHelp')}
      </p>
      {summary ? (
        <fieldset>
          <legend>{t('importModeLegend')}</legend>
          <p>
            {t('importHolds', [
              numberText(summary.days),
              numberText(summary.sessions),
              numberText(summary.entries),
              numberText(summary.checkIns),
              numberText(summary.reminders),
              numberText(summary.accounts),
            ])}{' '}
            {summary.settings ? t('importHoldsSettings') : ''}
          </p>
          <label class="check">
            <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            {t('importMerge')}
          </label>
          <label class="check">
            <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            {t('importReplace')}
          </label>
          <button type="button" onClick={() => void run()} disabled={busy}>
            {t('importButton')}
          </button>
        </fieldset>
      ) : null}
      <p role="status" class="status">
        {status}
      </p>
    </div>
  );
}
