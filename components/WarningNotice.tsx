/**
 * The quiet warning near a limit: a small card in the corner of the viewport, announced
 * politely, never taking focus. Presentational: the content script mounts it in a shadow root.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { warningText } from './text/boundary';

export interface WarningNoticeProps {
  siteName: string;
  /** Minutes left under the tighter limit. */
  minutesLeft: number;
  /** Which limit is near: all feeds together, or this site's own. */
  scope: 'overall' | 'site';
  onDismiss(): void;
}

export function WarningNotice({ siteName, minutesLeft, scope, onDismiss }: WarningNoticeProps) {
  // The status region exists empty first and is filled a moment later: text that arrives
  // together with its live region is often not announced.
  const [announced, setAnnounced] = useState(false);
  useEffect(() => setAnnounced(true), []);
  // Its one control is the only place focus can be inside the notice.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDismiss();
  };
  return (
    <div class="otf-notice">
      <p class="otf-notice-text" role="status">
        {announced ? warningText(scope, minutesLeft, siteName) : ''}
      </p>
      <button
        type="button"
        class="otf-notice-close"
        aria-label={t('warningDismiss')}
        onClick={() => onDismiss()}
        onKeyDown={onKeyDown}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
