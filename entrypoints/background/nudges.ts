/**
 * The background's side of reminders: one shared nudge state for all tabs (so the gap and
 * the daily cap hold across tabs and sites), the choice of reminder, and the log of shown
 * reminders and their outcomes in the ledger. Pages ask; the pure scheduler decides.
 *
 * storage.local keys: `nudgeState` (rotation, weights, snooze, today's count),
 * `nudgeStateKeptAside` (an unreadable state, kept as it was), `nudgeFrequencyOverride`
 * (only automated browser tests set it, to the scheduler's short `test` preset).
 */
import type { browser } from 'wxt/browser';
import { reminders } from '@/utils/nudges/library';
import {
  decideNudge,
  type NudgeBlockReason,
  type NudgeFrequency,
  type NudgeOutcome,
  type NudgeState,
  pickReminder,
  readNudgeState,
  recordOutcome,
  recordShown,
} from '@/utils/nudges/scheduler';
import { isFeedUrl, siteForUrl } from '@/utils/sites/registry';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { createSerialQueue } from './serial';

export const NUDGE_STATE_KEY = 'nudgeState';
const KEPT_ASIDE_KEY = 'nudgeStateKeptAside';
export const FREQUENCY_OVERRIDE_KEY = 'nudgeFrequencyOverride';

export interface NudgeRequest {
  activeMsOnPage: number;
  activeMsSinceLastNudge: number;
  scrollPxSinceLastNudge: number;
  typingAt?: number;
  pageVisible: boolean;
  boundaryShown: boolean;
}

export type NudgeReply =
  | { show: true; nudgeId: string; messageKey: string; shownAt: number }
  | { show: false; reason: NudgeBlockReason | 'not-tracked' };

interface NudgeDeps {
  api: typeof browser;
  ledger: LedgerStore;
  now: () => number;
  settings: () => Promise<Settings>;
  random?: () => number;
}

export function createNudges({ api, ledger, now, settings, random = Math.random }: NudgeDeps) {
  const serial = createSerialQueue();

  async function readState(dayStartHour: number): Promise<NudgeState> {
    const stored = (await api.storage.local.get(NUDGE_STATE_KEY))[NUDGE_STATE_KEY];
    const { state, problem } = readNudgeState(stored, now(), dayStartHour);
    if (problem && stored !== undefined) {
      await api.storage.local.set({ [KEPT_ASIDE_KEY]: { value: stored, reason: problem, at: now() } });
    }
    return state;
  }

  async function frequency(current: Settings): Promise<NudgeFrequency> {
    const override = (await api.storage.local.get(FREQUENCY_OVERRIDE_KEY))[FREQUENCY_OVERRIDE_KEY];
    return override === 'test' ? 'test' : current.nudges.frequency;
  }

  return {
    request: (request: NudgeRequest, senderUrl: string | undefined) =>
      serial(async (): Promise<NudgeReply> => {
        const site = senderUrl ? siteForUrl(senderUrl) : undefined;
        if (!site || !senderUrl) return { show: false, reason: 'not-tracked' };
        const current = await settings();
        const hour = current.tracking.dayStartHour;
        const at = now();
        let state = await readState(hour);
        const decision = decideNudge(state, {
          ...request,
          now: at,
          dayStartHour: hour,
          frequency: await frequency(current),
          isFeedPage: isFeedUrl(senderUrl),
        });
        if (!decision.show) return decision;
        const picked = pickReminder(state, reminders, random);
        if (!picked) return { show: false, reason: 'off' };
        state = recordShown(picked.state, picked.reminder.id, at, hour);
        await api.storage.local.set({ [NUDGE_STATE_KEY]: state });
        const nudgeId = `${at}-${picked.reminder.id}`;
        await ledger.logNudge(
          dayKeyOf(at, hour),
          { id: nudgeId, reminderId: picked.reminder.id, tag: picked.reminder.tag, site: site.id, shownAt: at },
          at,
        );
        return { show: true, nudgeId, messageKey: picked.reminder.messageKey, shownAt: at };
      }),

    outcome: (nudgeId: string, outcome: NudgeOutcome) =>
      serial(async (): Promise<{ ok: boolean; reason?: string }> => {
        const match = /^(\d+)-(.+)$/.exec(nudgeId);
        const reminder = match ? reminders.find((entry) => entry.id === match[2]) : undefined;
        if (!match || !reminder) return { ok: false, reason: 'unknown reminder' };
        const shownAt = Number(match[1]);
        const current = await settings();
        const hour = current.tracking.dayStartHour;
        const at = now();
        const state = recordOutcome(
          await readState(hour),
          { reminderId: reminder.id, tag: reminder.tag, outcome, shownAt, at },
          hour,
        );
        await api.storage.local.set({ [NUDGE_STATE_KEY]: state });
        await ledger.setNudgeOutcome(dayKeyOf(shownAt, hour), nudgeId, outcome, at);
        return { ok: true };
      }),
  };
}
