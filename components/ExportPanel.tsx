/**
 * "Your data": export everything as a file, and delete everything (after a question that says
 * what goes). Presentational; the page supplies `onExport` and `onDeleteAll`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface ExportPanelProps {
  /** Builds and saves the file; resolves to its name. */
  onExport: () => Promise<string>;
  /** Deletes everything; resolves to whether it did. */
  onDeleteAll?: () => Promise<boolean>;
  /** More ways to handle her data (import), between export and delete. */
  children?: ComponentChildren;
}

export function ExportPanel({ onExport, onDeleteAll, children }: ExportPanelProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  const deleteAll = async () => {
    setBusy(true);
    const done = await (onDeleteAll?.() ?? Promise.resolve(false)).catch(() => false);
    setBusy(false);
    setAsking(false);
    setStatus(t(done ? 'dashboardDeleted' : 'dashboardDeleteFailed'));
    deleteRef.current?.focus();
  };
  const run = async () => {
    setBusy(true);
    try {
      setStatus(t('dashboardExportDone', await onExport()));
    } catch (error) {
      console.error(error);
      setStatus(t('dashboardExportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="data-heading" class="card">
      <h2 id="data-heading">{t('dashboardYourData')}</h2>
      <p class="muted">{t('dashboardExportHelp')}</p>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {t('dashboardExportButton')}
      </button>
      {children}
      {onDeleteAll ? (
        <div class="delete-all">
          {asking ? (
            <fieldset>
              <legend>{t('dashboardDeleteAsk')}</legend>
              <p>{t('dashboardDeleteList')}</p>
              <button type="button" class="danger" onClick={() => void deleteAll()} disabled={busy}>
                {t('dashboardDeleteConfirm')}
              </button>{' '}
              <button
                type="button"
                ref={keepRef}
                class="secondary"
                onClick={() => {
                  setAsking(false);
                  requestAnimationFrame(() => deleteRef.current?.focus());
                }}
              >
                {t('dashboardDeleteKeep')}
              </button>
            </fieldset>
          ) : (
            <button type="button" ref={deleteRef} class="secondary" onClick={() => setAsking(true)}>
              {t('dashboardDeleteAll')}
            </button>
          )}
        </div>
      ) : null}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
