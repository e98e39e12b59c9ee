/** The check-in with its answers carried out by the background: what the popup, the boundary screen and the feed card show. */
import { sendMessage } from '@/utils/messaging/client';
import { CheckInCard, type CheckInCardProps } from './CheckInCard';

export function CheckInPanel({ question, ...rest }: Pick<CheckInCardProps, 'question' | 'onClose' | 'focusOnOpen'>) {
  const session = { day: question.day, sessionId: question.sessionId };
  return (
    <CheckInCard
      question={question}
      answer={async (feeling, note) =>
        (await sendMessage('checkin/answer', { ...session, feeling, ...(note ? { note } : {}) }))?.ok === true
      }
      dismiss={async () => (await sendMessage('checkin/dismiss', session))?.ok === true}
      stopAsking={async () => (await sendMessage('checkin/off', { off: true }))?.ok === true}
      {...rest}
    />
  );
}
