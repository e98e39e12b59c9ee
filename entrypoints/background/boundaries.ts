/**
 * The background's side of boundaries: publishes today's usage for pages (which decide
 * locally with the pure core), keeps today's boundary state, sets the badge, and answers what
 * the boundary screen asks: a few more minutes, pause for today, leave, "warned".
 */
import type { browser } from 'wxt/browser';
import { badgeText, badgeTitleText } from '@/components/text/badge';
import { badgeFor } from '@/utils/limits/badge';
import {
  type BoundaryActionReply,
  grantExtension,
  markWarned,
  pauseForToday,
  pauseRefusal,
} from '@/utils/limits/decide';
import { type BoundaryDayState, dayStateFor } from '@/utils/limits/stateRecords';
import type { PublishedUsage } from '@/utils/limits/usage';
import type { Handlers } from '@/utils/messaging/router';
import { saveItem } from '@/utils/storage/itemStore';
import { boundaryDay, publishedUsage } from '@/utils/storage/items';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { dayKeyOf } from '@/utils/time/day';
import { watchedTopFrameSite } from './senders';
import { createSerialQueue } from './serial';
import type { ItemReader } from './storedItems';

interface BoundaryDeps {
  api: typeof browser;
  ledger: LedgerStore;
  items: ItemReader;
  now: () => number;
  settings: () => Promise<Settings>;
}

const NOT_HERE: BoundaryActionReply = { ok: false, reason: { code: 'not-here' } };

export function createBoundaries({ api, ledger, items, now, settings }: BoundaryDeps) {
  const serial = createSerialQueue();

  async function readDayState(dayStartHour: number): Promise<BoundaryDayState> {
    return dayStateFor(now(), dayStartHour, await items.read(boundaryDay));
  }

  async function publish(): Promise<void> {
    const current = await settings();
    const hour = current.tracking.dayStartHour;
    const at = now();
    const day = dayKeyOf(at, hour);
    const todayMsBySite = (await ledger.dayTotals([day])).get(day) ?? {};
    const usage: PublishedUsage = { schemaVersion: 1, day, todayMsBySite, at };
    await saveItem(publishedUsage, usage);
    const badge = badgeFor({
      now: at,
      settings: current.boundaries,
      usage: { todayMsBySite },
      dayState: await readDayState(hour),
      dayStartHour: hour,
    });
    await api.action.setBadgeBackgroundColor({ color: badge.color });
    await api.action.setBadgeText({ text: badgeText(badge) });
    await api.action.setTitle({ title: badgeTitleText(badge.title) });
  }

  /** Change today's state under the serial queue, then publish so every page hears of it. */
  const changeDayState = (
    change: (state: BoundaryDayState, current: Settings) => BoundaryActionReply | BoundaryDayState,
  ) =>
    serial(async (): Promise<BoundaryActionReply> => {
      const current = await settings();
      const result = change(await readDayState(current.tracking.dayStartHour), current);
      if ('ok' in result) return result;
      await saveItem(boundaryDay, result);
      await publish();
      return { ok: true };
    });

  const handlers: Pick<Handlers, 'boundary/extend' | 'boundary/pauseToday' | 'boundary/warned' | 'boundary/leave'> = {
    'boundary/extend': ({ pauseStartedAt }) =>
      changeDayState((state, current) => {
        const granted = grantExtension(state, current.boundaries, now(), { pauseStartedAt });
        return granted.ok ? granted.state : granted;
      }),

    'boundary/pauseToday': ({ pauseStartedAt }) =>
      changeDayState((state, current) => {
        const refusal = pauseRefusal(pauseStartedAt, current.boundaries.pauseSeconds, now());
        return refusal ? { ok: false, reason: refusal } : pauseForToday(state);
      }),

    'boundary/warned': async (_data, sender) => {
      const site = watchedTopFrameSite(sender, (await settings()).sites);
      return site ? changeDayState((state) => markWarned(state, site.id)) : NOT_HERE;
    },

    'boundary/leave': async (_data, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return NOT_HERE;
      await api.tabs.remove(tabId);
      return { ok: true };
    },
  };

  /** Make the rest of today feed-free (a reflection's boundary), or take that back. */
  async function setRestOfDay(on: boolean): Promise<void> {
    const reply = await changeDayState((state) => {
      const next = { ...state };
      if (on) next.feedFreeRestOfDay = true;
      else delete next.feedFreeRestOfDay;
      return next;
    });
    if (!reply.ok) throw new Error('The day state was not changed');
  }

  return { publish, handlers, setRestOfDay };
}
