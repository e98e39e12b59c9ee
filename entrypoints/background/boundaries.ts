/**
 * The background's side of boundaries: publishes today's usage for content scripts (which
 * decide locally, every second, with the pure core), keeps the boundary day state, and
 * carries out what the boundary screen asks: a few more minutes, pause for today, leave.
 *
 * storage.local keys: `boundaryUsage` (today's ms per site), `boundaryDay` (extensions used,
 * pause, warnings shown), `boundaryDayKeptAside` (an unreadable day state, kept as it was).
 */
import type { browser } from 'wxt/browser';
import { badgeFor } from '@/utils/limits/badge';
import { grantExtension, markWarned, pauseForToday } from '@/utils/limits/decide';
import { type BoundaryDayState, dayStateFor, readBoundaryDayState } from '@/utils/limits/stateRecords';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { createSerialQueue } from './serial';

export const USAGE_KEY = 'boundaryUsage';
export const DAY_STATE_KEY = 'boundaryDay';
const KEPT_ASIDE_KEY = 'boundaryDayKeptAside';

export interface PublishedUsage {
  day: string;
  todayMsBySite: Record<string, number>;
  /** When this was computed (epoch ms); content scripts add their own unsent time since. */
  at: number;
}

export type BoundaryActionReply = { ok: true } | { ok: false; reason: string };

interface BoundaryDeps {
  api: typeof browser;
  ledger: LedgerStore;
  now: () => number;
  settings: () => Promise<Settings>;
}

export function createBoundaries({ api, ledger, now, settings }: BoundaryDeps) {
  const serial = createSerialQueue();

  async function readDayState(dayStartHour: number): Promise<BoundaryDayState> {
    const stored = (await api.storage.local.get(DAY_STATE_KEY))[DAY_STATE_KEY];
    const { state, problem } = readBoundaryDayState(stored, now(), dayStartHour);
    if (problem && stored !== undefined) {
      await api.storage.local.set({ [KEPT_ASIDE_KEY]: { value: stored, reason: problem, at: now() } });
    }
    return state;
  }

  async function writeDayState(state: BoundaryDayState): Promise<void> {
    await api.storage.local.set({ [DAY_STATE_KEY]: state });
  }

  async function publish(): Promise<void> {
    const current = await settings();
    const hour = current.tracking.dayStartHour;
    const at = now();
    const day = dayKeyOf(at, hour);
    const todayMsBySite = (await ledger.dayTotals([day])).get(day) ?? {};
    const usage: PublishedUsage = { day, todayMsBySite, at };
    await api.storage.local.set({ [USAGE_KEY]: usage });
    const dayState = await readDayState(hour);
    const badge = badgeFor({
      now: at,
      settings: current.boundaries,
      usage: { todayMsBySite },
      dayState,
      dayStartHour: hour,
    });
    await api.action.setBadgeBackgroundColor({ color: badge.color });
    await api.action.setBadgeText({ text: badge.text });
    const title = api.i18n.getMessage(badge.message.key, badge.message.substitutions) || badge.title;
    await api.action.setTitle({ title });
  }

  return {
    publish,

    extend: (pauseStartedAt: number) =>
      serial(async (): Promise<BoundaryActionReply> => {
        const current = await settings();
        const state = await readDayState(current.tracking.dayStartHour);
        const result = grantExtension(state, current.boundaries, now(), { pauseStartedAt });
        if (!result.ok) return result;
        await writeDayState(result.state);
        await publish();
        return { ok: true };
      }),

    pauseToday: (pauseStartedAt: number) =>
      serial(async (): Promise<BoundaryActionReply> => {
        const current = await settings();
        const waitMs = pauseStartedAt + current.boundaries.pauseSeconds * 1000 - now();
        if (waitMs > 0) {
          const seconds = Math.ceil(waitMs / 1000);
          return { ok: false, reason: `The pause isn’t over yet: ${seconds} more second${seconds === 1 ? '' : 's'}.` };
        }
        const state = await readDayState(current.tracking.dayStartHour);
        await writeDayState(pauseForToday(state));
        await publish();
        return { ok: true };
      }),

    warned: (site: string) =>
      serial(async (): Promise<BoundaryActionReply> => {
        const current = await settings();
        const state = await readDayState(current.tracking.dayStartHour);
        await writeDayState(markWarned(dayStateFor(now(), current.tracking.dayStartHour, state), site));
        return { ok: true };
      }),
  };
}
