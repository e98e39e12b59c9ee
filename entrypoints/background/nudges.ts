/**
 * The background's side of reminders: one shared nudge state for all tabs (so the gap and
 * the daily cap hold across tabs and sites), the choice of reminder, and the log of shown
 * reminders and their outcomes in the ledger. Pages ask; the pure scheduler decides.
 */

import type { CheckInQuestion } from '@/utils/checkins/checkIns';
import type { Handlers } from '@/utils/messaging/router';
import { reminders } from '@/utils/nudges/library';
import {
  decideNudge,
  type NudgeFrequency,
  type NudgeState,
  pickReminder,
  readNudgeState,
  recordOutcome,
  recordShown,
  rollToDay,
} from '@/utils/nudges/scheduler';
import { isBuiltInSiteId } from '@/utils/sites/registry';
import { loadItem, saveItem } from '@/utils/storage/itemStore';
import { nudgeFrequencyOverride, nudgeState } from '@/utils/storage/items';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { watchedTopFrameSite } from './senders';
import { createSerialQueue } from './serial';
import type { ItemReader } from './storedItems';

interface NudgeDeps {
  ledger: LedgerStore;
  items: ItemReader;
  now: () => number;
  settings: () => Promise<Settings>;
  random?: () => number;
  /** The check-in for this site's session after 20 continuous minutes, when one is due (it is then asked). */
  checkInAfterScrolling?: (site: string) => Promise<CheckInQuestion | undefined>;
}

export function createNudges({ ledger, items, now, settings, random = Math.random, checkInAfterScrolling }: NudgeDeps) {
  const serial = createSerialQueue();

  async function readState(dayStartHour: number): Promise<NudgeState> {
    return readNudgeState(await items.read(nudgeState), now(), dayStartHour).state;
  }

  async function frequency(current: Settings): Promise<NudgeFrequency> {
    return (await loadItem(nudgeFrequencyOverride)).value === 'test' ? 'test' : current.nudges.frequency;
  }

  const handlers: Pick<Handlers, 'nudge/request' | 'nudge/outcome'> = {
    'nudge/request': (request, sender) =>
      serial(async () => {
        const current = await settings();
        const site = watchedTopFrameSite(sender, current.sites);
        if (!site || !sender.url) return { show: false, reason: 'not-tracked' } as const;
        const hour = current.tracking.dayStartHour;
        const at = now();
        let state = await readState(hour);
        const decision = decideNudge(state, {
          ...request,
          now: at,
          dayStartHour: hour,
          frequency: await frequency(current),
          isFeedPage: site.isFeed(new URL(sender.url)),
        });
        if (!decision.show) return decision;
        // A long stretch of scrolling: this time, the one-tap question instead of a reminder. It
        // takes a reminder's place for the gap and the day's count.
        // (The card is an extension page in a frame: only the built-in sites may frame it.)
        const checkIn = isBuiltInSiteId(site.id) ? await checkInAfterScrolling?.(site.id) : undefined;
        if (checkIn) {
          const current = rollToDay(state, at, hour);
          await saveItem(nudgeState, { ...current, shownToday: current.shownToday + 1, lastShownAt: at });
          return { show: true, checkIn } as const;
        }
        const picked = pickReminder(state, reminders, random, at);
        if (!picked) return { show: false, reason: 'off' } as const;
        const first = picked.state.rotation.recent.length === 0;
        state = recordShown(picked.state, picked.reminder.id, at, hour);
        await saveItem(nudgeState, state);
        const nudgeId = `${at}-${picked.reminder.id}`;
        await ledger.logNudge(
          dayKeyOf(at, hour),
          { id: nudgeId, reminderId: picked.reminder.id, tag: picked.reminder.tag, site: site.id, shownAt: at },
          at,
        );
        return {
          show: true,
          nudgeId,
          messageKey: picked.reminder.messageKey,
          shownAt: at,
          ...(first ? { first: true } : {}),
        } as const;
      }),

    'nudge/outcome': ({ nudgeId, outcome }) =>
      serial(async () => {
        const match = /^(\d+)-(.+)$/.exec(nudgeId);
        const reminder = match ? reminders.find((entry) => entry.id === match[2]) : undefined;
        if (!match || !reminder) return { ok: false };
        const shownAt = Number(match[1]);
        const current = await settings();
        const hour = current.tracking.dayStartHour;
        const at = now();
        const state = recordOutcome(
          await readState(hour),
          { reminderId: reminder.id, tag: reminder.tag, outcome, shownAt, at },
          hour,
        );
        await saveItem(nudgeState, state);
        await ledger.setNudgeOutcome(dayKeyOf(shownAt, hour), nudgeId, outcome, at);
        return { ok: true };
      }),
  };

  return { handlers };
}
