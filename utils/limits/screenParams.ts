/**
 * What the boundary screen shows, passed from the page's script to the boundary page in its
 * address (`boundary.html?kind=limit&site=instagram&…`), and read back with every value checked:
 * the address is the one thing a site could tamper with, so anything odd falls back to a calm
 * default rather than to a broken screen.
 */
import { getSite } from '../sites/registry';

export interface ScreenParams {
  kind: 'limit' | 'feed-free';
  site: string;
  scope?: 'overall' | 'site';
  limitMinutes?: number;
  windowLabel?: string;
  liftsAt: number;
  extensionsLeft: number;
  extraMinutes: number;
  pauseSeconds: number;
}

export function screenQuery(params: ScreenParams): string {
  const query = new URLSearchParams({
    kind: params.kind,
    site: params.site,
    lifts: String(params.liftsAt),
    left: String(params.extensionsLeft),
    extra: String(params.extraMinutes),
    pause: String(params.pauseSeconds),
  });
  if (params.scope) query.set('scope', params.scope);
  if (params.limitMinutes !== undefined) query.set('limit', String(params.limitMinutes));
  if (params.windowLabel) query.set('label', params.windowLabel);
  return query.toString();
}

const whole = (value: string | null, min: number, max: number, fallback: number): number => {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= min && number <= max ? number : fallback;
};

export function readScreenQuery(search: string): ScreenParams & { siteName: string } {
  const query = new URLSearchParams(search);
  const site = getSite(query.get('site') ?? '');
  const scope = query.get('scope');
  return {
    kind: query.get('kind') === 'feed-free' ? 'feed-free' : 'limit',
    site: site?.id ?? '',
    siteName: site?.name ?? '',
    ...(scope === 'overall' || scope === 'site' ? { scope } : {}),
    ...(query.has('limit') ? { limitMinutes: whole(query.get('limit'), 1, 1440, 1) } : {}),
    ...(query.get('label') ? { windowLabel: (query.get('label') ?? '').slice(0, 60) } : {}),
    liftsAt: whole(query.get('lifts'), 0, 8.64e15, Date.now()),
    extensionsLeft: whole(query.get('left'), 0, 10, 0),
    extraMinutes: whole(query.get('extra'), 1, 30, 5),
    pauseSeconds: whole(query.get('pause'), 10, 60, 10),
  };
}
