/**
 * The comparison-trap reminder, on its own page in a small frame in the feed's bottom-left
 * corner (see `components/framePage.ts`): the page's script puts the reminder's message key in
 * the address, and this page tells the frame's parent what she did with it.
 */
import { render } from 'preact';
import '@/components/nudge.css';
import { framePage } from '@/components/framePage';
import { NudgeCard } from '@/components/NudgeCard';
import { type MessageKey, t } from '@/utils/i18n';
import { REMINDER_KEY_PREFIX } from '@/utils/nudges/library';

/** A card nobody touches leaves by itself (counted as ignored). */
export const CARD_AUTO_HIDE_MS = 25_000;

const query = new URLSearchParams(location.search);
const key = query.get('key') ?? '';
// Only the reminders' own messages.
const text = key.startsWith(REMINDER_KEY_PREFIX) ? t(key as MessageKey) : '';

const frame = framePage('nudgeFrameTitle');
const root = document.getElementById('app');
if (root && text) {
  render(
    <NudgeCard text={text} autoHideMs={CARD_AUTO_HIDE_MS} onOutcome={frame.done} firstTime={query.has('first')} />,
    root,
  );
} else frame.done('closed');
