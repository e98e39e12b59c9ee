/**
 * The check-in after a long stretch of scrolling, on its own page in a small frame in the
 * feed's corner (what she answers stays out of the site's reach; see `components/framePage.ts`).
 * The page's script asked the background for it; this page tells the frame's parent when it is
 * done.
 */
import { render } from 'preact';
import '@/components/theme.css';
import '@/components/reflection.css';
import './style.css';
import { CheckInPanel } from '@/components/CheckInPanel';
import { framePage } from '@/components/framePage';
import { sendMessage } from '@/utils/messaging/client';

const query = new URLSearchParams(location.search);
const question = {
  day: query.get('day') ?? '',
  sessionId: query.get('id') ?? '',
  site: query.get('site') ?? '',
  start: 0,
  end: 0,
  activeMs: Math.max(0, Number(query.get('ms')) || 0),
};

const frame = framePage('checkInFrameTitle');
const close = () => frame.done('closed');
// Esc closes it, as "Not now".
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  void sendMessage('checkin/dismiss', { day: question.day, sessionId: question.sessionId });
  close();
});

const root = document.getElementById('app');
if (root) render(<CheckInPanel question={question} onClose={close} />, root);
