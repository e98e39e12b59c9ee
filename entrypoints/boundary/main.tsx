/**
 * The boundary screen on its own extension page, held in a frame by the site's page (so the
 * site can neither read nor script it, and its keys never reach the site). Leave closes the tab;
 * extra minutes and pausing for today go to the background, which tells every page of the site.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '@/components/theme.css';
import '@/components/reflection.css';
import '@/components/screen.css';
import { BoundaryScreen } from '@/components/BoundaryScreen';
import { CheckInPanel } from '@/components/CheckInPanel';
import { ReflectionPanel } from '@/components/ReflectionPanel';
import type { CheckInQuestion } from '@/utils/checkins/checkIns';
import { nameThisPage } from '@/utils/i18n';
import { readScreenQuery } from '@/utils/limits/screenParams';
import { sendMessage } from '@/utils/messaging/client';

const params = readScreenQuery(location.search);

/** The pause counts only while this screen is really in front of her. */
const isActive = () => document.visibilityState === 'visible' && document.hasFocus();

function BoundaryPage() {
  const [active, setActive] = useState(isActive);
  const [pauseStartedAt, setPauseStartedAt] = useState<number | undefined>();
  const [checkIn, setCheckIn] = useState<CheckInQuestion | undefined>();
  // A limit just ended this site's session: if it was a long one, ask how she feels (once).
  useEffect(() => {
    if (params.kind !== 'limit' || !params.site) return;
    void sendMessage('checkin/question', { where: 'boundary', site: params.site }).then((reply) =>
      setCheckIn(reply?.question ?? undefined),
    );
  }, []);
  useEffect(() => {
    const update = () => setActive(isActive());
    document.addEventListener('visibilitychange', update);
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    return () => {
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
    };
  }, []);
  return (
    <BoundaryScreen
      {...params}
      pageActive={active}
      reflection={() => <ReflectionPanel site={params.site || undefined} />}
      aside={checkIn ? <CheckInPanel question={checkIn} onClose={() => setCheckIn(undefined)} /> : undefined}
      onLeave={() => void sendMessage('boundary/leave', {})}
      onPauseStart={() => setPauseStartedAt(Date.now())}
      onExtend={() => sendMessage('boundary/extend', { pauseStartedAt: pauseStartedAt ?? Date.now() })}
      onPauseToday={() => sendMessage('boundary/pauseToday', { pauseStartedAt: pauseStartedAt ?? Date.now() })}
    />
  );
}

nameThisPage('boundaryFrameTitle');
const root = document.getElementById('app');
if (root) render(<BoundaryPage />, root);
