/**
 * The quiet warning near a limit: a small card in the corner of the viewport, announced
 * politely, never taking focus. Presentational: the content script draws it in a shadow root.
 */
import { t } from '@/utils/i18n';
import { element } from './pageDom';
import { warningText } from './text/boundary';

export interface WarningNoticeProps {
  siteName: string;
  /** Minutes left under the tighter limit. */
  minutesLeft: number;
  /** Which limit is near: all feeds together, or this site's own. */
  scope: 'overall' | 'site';
  onDismiss(): void;
}

/**
 * How long the status region stands empty before its words come: text that arrives together
 * with its live region is often not announced.
 */
export const ANNOUNCE_AFTER_MS = 100;

/** Draws the notice into `container` (connected to the page). */
export function drawWarningNotice(container: HTMLElement, props: WarningNoticeProps): void {
  const doc = container.ownerDocument;
  const status = element(doc, 'p', { class: 'otf-notice-text', role: 'status' });
  // Its one control is the only place focus can be inside the notice.
  const close = element(
    doc,
    'button',
    { type: 'button', class: 'otf-notice-close', 'aria-label': t('warningDismiss') },
    element(doc, 'span', { 'aria-hidden': 'true' }, '×'),
  );
  close.addEventListener('click', () => props.onDismiss());
  close.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    props.onDismiss();
  });
  container.replaceChildren(element(doc, 'div', { class: 'otf-notice' }, status, close));
  setTimeout(() => {
    status.textContent = warningText(props.scope, props.minutesLeft, props.siteName);
  }, ANNOUNCE_AFTER_MS);
}
