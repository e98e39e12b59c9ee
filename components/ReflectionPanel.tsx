/**
 * The reflection flow with its context loaded and its Save and Undo carried out by the
 * background: what the popup and the boundary screen show.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReflectionContext } from '@/utils/journal/reflection';
import { sendMessage } from '@/utils/messaging/client';
import { ReflectionFlow, type ReflectionFlowProps } from './ReflectionFlow';

export interface ReflectionPanelProps extends Partial<Omit<ReflectionFlowProps, 'context' | 'onDone'>> {
  /** The feed site she is on, if any. */
  site?: string;
  onDone?(): void;
  load?(site: string | undefined): Promise<ReflectionContext | undefined>;
}

const loadContext = (site: string | undefined) => sendMessage('reflection/context', site ? { site } : {});

export function ReflectionPanel({ site, onDone, load = loadContext, ...overrides }: ReflectionPanelProps) {
  const [context, setContext] = useState<ReflectionContext | undefined>();
  useEffect(() => {
    void load(site).then(setContext, console.error);
  }, [site]);
  return (
    <ReflectionFlow
      context={context}
      now={overrides.now ?? Date.now}
      save={overrides.save ?? ((reflection) => sendMessage('reflection/save', reflection))}
      undo={
        overrides.undo ??
        (async (entry) => (await sendMessage('reflection/undo', { day: entry.day, id: entry.id }))?.ok === true)
      }
      {...(onDone ? { onDone } : {})}
    />
  );
}
