/** What is wrong with a setting, or with stored settings, in words. */
import { t } from '@/utils/i18n';
import type { SettingsProblemCode } from '@/utils/limits/boundarySettings';
import type { RecordProblem } from '@/utils/storage/recordKind';

const PROBLEM_MESSAGES = {
  limitRange: 'problemLimitRange',
  limitWhole: 'problemLimitWhole',
  unknownSite: 'problemUnknownSite',
  time: 'problemTime',
  sameStartEnd: 'problemSameStartEnd',
  noDays: 'problemNoDays',
  dayNumber: 'problemDayNumber',
  label: 'problemLabel',
  windowId: 'problemWindowId',
  duplicateId: 'problemDuplicateId',
  tooManyWindows: 'problemTooManyWindows',
  windows: 'problemWindows',
  warningPercent: 'problemWarningPercent',
  extraMinutes: 'problemExtraMinutes',
  extensionsPerDay: 'problemExtensionsPerDay',
  pauseSeconds: 'problemPauseSeconds',
  idleRange: 'problemIdleRange',
  idleWhole: 'problemIdleWhole',
  dayStartRange: 'problemDayStartRange',
  dayStartWhole: 'problemDayStartWhole',
  frequency: 'problemFrequency',
  shape: 'problemShape',
} as const satisfies Record<SettingsProblemCode, string>;

export function settingsProblemText(code: SettingsProblemCode): string {
  return t(PROBLEM_MESSAGES[code]);
}

/** The one-time notice when stored settings could not be used. */
export function storedSettingsNotice(problem: RecordProblem): string {
  return problem.code === 'newer-version' ? t('settingsNoticeNewer') : t('settingsNoticeUnreadable');
}
