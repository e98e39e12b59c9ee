/**
 * How often reminders come while she scrolls: gentle (default), balanced, frequent or off.
 * Saves on change. The line under it says, just in time, that reminders rotate.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { NUDGE_FREQUENCY_CHOICES, type Settings } from '@/utils/storage/settings';

export interface ReminderSettingsProps {
  settings: Settings;
  onSave(settings: Settings): Promise<void>;
  /** Whether she is asked how she feels after long sessions, and how to change that. */
  checkInsOn?: boolean;
  setCheckIns?(on: boolean): Promise<void>;
}

const LABEL_KEYS = {
  gentle: 'reminderFrequencyGentle',
  balanced: 'reminderFrequencyBalanced',
  frequent: 'reminderFrequencyFrequent',
  off: 'reminderFrequencyOff',
} as const;

export function ReminderSettings({ settings, onSave, checkInsOn, setCheckIns }: ReminderSettingsProps) {
  const [status, setStatus] = useState('');
  const [asking, setAsking] = useState(checkInsOn ?? true);
  const change = async (frequency: Settings['nudges']['frequency']) => {
    try {
      await onSave({ ...settings, nudges: { ...settings.nudges, frequency } });
      setStatus(t('reminderFrequencySaved', t(LABEL_KEYS[frequency])));
    } catch (error) {
      console.error(error);
      setStatus(t('popupSaveFailed'));
    }
  };
  return (
    <section aria-labelledby="reminder-settings-heading" class="reminders">
      <h2 id="reminder-settings-heading">{t('reminderSettingsHeading')}</h2>
      <label for="reminder-frequency">{t('reminderFrequencyLabel')}</label>
      <select
        id="reminder-frequency"
        aria-describedby="reminder-rotation"
        value={settings.nudges.frequency}
        onChange={(event) => void change(event.currentTarget.value as Settings['nudges']['frequency'])}
      >
        {NUDGE_FREQUENCY_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(LABEL_KEYS[choice])}
          </option>
        ))}
      </select>
      <p id="reminder-rotation" class="muted small">
        {t('nudgeRotationLine')}
      </p>
      {setCheckIns ? (
        <label class="check">
          <input
            type="checkbox"
            checked={asking}
            onChange={async (event) => {
              const on = event.currentTarget.checked;
              setAsking(on);
              try {
                await setCheckIns(on);
                setStatus('');
              } catch (error) {
                console.error(error);
                setAsking(!on);
                setStatus(t('popupSaveFailed'));
              }
            }}
          />
          {t('checkInSetting')}
        </label>
      ) : null}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
