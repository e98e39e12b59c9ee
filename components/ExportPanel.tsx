/** "Your data": export everything as a JSON file. Presentational; the page supplies `onExport`. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface ExportPanelProps {
  /** Builds and saves the file; resolves to its name. */
  onExport: () => Promise<string>;
}

export function ExportPanel({ onExport }: ExportPanelProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
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
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
