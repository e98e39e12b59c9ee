/**
 * The popup, her daily home: today at a glance (time, what is left, feed-free times ahead)
 * and her boundaries to adjust. Everything is read once, in one effect, from storage.
 * "Pause limits for today" is deliberately not here: it sits behind the pause on the
 * boundary screen. The popup only says when limits are paused.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BoundarySettingsForm } from '@/components/BoundarySettingsForm';
import { ReminderSettings } from '@/components/ReminderSettings';
import { TodaySummary } from '@/components/TodaySummary';
import { DAY_STATE_KEY, type PublishedUsage, USAGE_KEY } from '@/entrypoints/background/boundaries';
import { t } from '@/utils/i18n';
import { type BoundaryDayState, readBoundaryDayState } from '@/utils/limits/stateRecords';
import { getSite } from '@/utils/sites/registry';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { acknowledgeSettingsProblem, loadSettings, saveSettings } from '@/utils/storage/settingsStorage';
import { dayKeyOf } from '@/utils/time/day';

/** Message keys added with the boundaries UI are typed once messages.json lists them (wxt prepare). */

/** storage.local key of today's boundary state (written by the background). */

export const siteName = (id: string) => getSite(id)?.name ?? id;

export interface PopupData {
  /** Active ms per site id today. */
  todayMsBySite: Record<string, number>;
  settings: Settings;
  /** Why stored settings could not be used (defaults are in use), to show once. */
  settingsProblem?: string;
  dayState: BoundaryDayState;
}

export interface PopupAppProps {
  load?: () => Promise<PopupData>;
  save?: (settings: Settings) => Promise<void>;
  /**
   * Reserved for flows that apply a pause (the boundary screen owns it). The popup never
   * pauses limits itself; it only shows that they are paused.
   */
  pauseToday?: () => Promise<{ ok: boolean; reason?: string }>;
  now?: () => number;
}

/** Today's time, settings and boundary state, read from storage. */
export async function loadPopupData(now = Date.now(), ledger?: LedgerStore): Promise<PopupData> {
  // Everything in parallel: the popup must show at once. Today's totals come from what the
  // background publishes after every write; the ledger itself is opened only when that copy
  // is from another day.
  const [{ settings, problem }, stored] = await Promise.all([
    loadSettings(),
    browser.storage.local.get([DAY_STATE_KEY, USAGE_KEY]) as Promise<Record<string, unknown>>,
  ]);
  const { dayStartHour } = settings.tracking;
  const today = dayKeyOf(now, dayStartHour);
  const published = stored[USAGE_KEY] as PublishedUsage | undefined;
  const todayMsBySite =
    published?.day === today && typeof published.todayMsBySite === 'object'
      ? published.todayMsBySite
      : ((await (ledger ?? new LedgerStore()).dayTotals([today])).get(today) ?? {});
  const { state } = readBoundaryDayState(stored[DAY_STATE_KEY], now, dayStartHour);
  return {
    todayMsBySite,
    settings,
    ...(problem === undefined ? {} : { settingsProblem: problem }),
    dayState: state,
  };
}

const defaultNow = () => Date.now();

const defaultSave = async (settings: Settings) => {
  await saveSettings(settings);
};

export function PopupApp({ load, save = defaultSave, now = defaultNow }: PopupAppProps) {
  const [data, setData] = useState<PopupData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [problemDismissed, setProblemDismissed] = useState(false);

  // One read, once, when the popup opens (`load` and `now` are not re-read): it must show at once.
  useEffect(() => {
    (load ?? (() => loadPopupData(now())))().then(setData, (reason: unknown) =>
      setError(reason instanceof Error ? reason.message : String(reason)),
    );
  }, []);

  const saveAndKeep = async (settings: Settings) => {
    await save(settings);
    setData((current) => (current ? { ...current, settings } : current));
  };

  return (
    <main class="popup">
      {data?.settingsProblem && !problemDismissed ? (
        <div role="note" class="note">
          <p>{data.settingsProblem}</p>
          <button
            type="button"
            class="secondary small-button"
            onClick={() => {
              setProblemDismissed(true);
              void acknowledgeSettingsProblem().catch(() => undefined);
            }}
          >
            {t('popupDismissNote')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert">{t('dashboardLoadFailed', error)}</p>
      ) : data ? (
        <>
          <TodaySummary
            totals={data.todayMsBySite}
            siteName={siteName}
            boundaries={data.settings.boundaries}
            dayState={data.dayState}
            now={now()}
          />
          <BoundarySettingsForm settings={data.settings} onSave={saveAndKeep} />
          <ReminderSettings settings={data.settings} onSave={saveAndKeep} />
        </>
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
