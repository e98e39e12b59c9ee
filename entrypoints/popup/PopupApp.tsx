/** The popup: today at a glance, from the ledger in this extension's IndexedDB. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TodaySummary } from '@/components/TodaySummary';
import { t } from '@/utils/i18n';
import { getSite } from '@/utils/sites/registry';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { loadSettings } from '@/utils/storage/settingsStorage';
import { dayKeyOf } from '@/utils/time/day';

export const siteName = (id: string) => getSite(id)?.name ?? id;

export async function loadToday(ledger = new LedgerStore(), now = Date.now()): Promise<Record<string, number>> {
  const { settings } = await loadSettings();
  const today = dayKeyOf(now, settings.tracking.dayStartHour);
  return (await ledger.dayTotals([today])).get(today) ?? {};
}

export function PopupApp({ load = loadToday }: { load?: () => Promise<Record<string, number>> }) {
  const [totals, setTotals] = useState<Record<string, number> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    load().then(setTotals, (reason: unknown) => setError(String(reason)));
  }, [load]);

  return (
    <main class="popup">
      {error ? (
        <p role="alert">{t('dashboardLoadFailed', error)}</p>
      ) : totals ? (
        <TodaySummary totals={totals} siteName={siteName} />
      ) : (
        <p class="muted" aria-live="polite">
          {t('popupLoading')}
        </p>
      )}
      <footer>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenDashboard')}
        </button>
        <p class="muted small">{t('popupPrivacyLine')}</p>
      </footer>
    </main>
  );
}
