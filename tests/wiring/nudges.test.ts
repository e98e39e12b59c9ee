/**
 * The background's reminder side, wired to the fake browser: it answers a feed page's
 * request with the pure scheduler, shares one state across tabs, logs what was shown and
 * what she did, and refuses what isn't a feed page.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import type { NudgeReply } from '@/utils/messaging/protocol';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

const from = (url: string) => sender(url);
const send = <T>(message: { type: string } & Record<string, unknown>, who: Sender) => {
  const { type, ...data } = message;
  return sendAs<T>({ type, data }, who);
};

const S = 1000;
const MIN = 60 * S;
const NOW = Date.UTC(2026, 10, 22, 15, 0);
let clock = NOW;
let count = 0;
let ledger: LedgerStore;

/** A page that has scrolled steadily for `minutes`. */
const request = (minutes: number, extra: object = {}) => ({
  type: 'nudge/request',
  activeMsOnPage: minutes * MIN,
  activeMsSinceLastNudge: minutes * MIN,
  scrollPxSinceLastNudge: minutes * 2_000,
  pageVisible: true,
  boundaryShown: false,
  ...extra,
});

useTimeZone('UTC');

beforeEach(() => {
  clock = NOW;
  count += 1;
  ledger = new LedgerStore(createStore(`nudges-${count}`, 'ledger'));
  startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
});

describe('reminders in the background', () => {
  it('shows a reminder after enough gentle scrolling on a feed, and logs it', async () => {
    const reply = await send<NudgeReply>(request(7), from('https://www.instagram.com/'));
    expect(reply).toMatchObject({ show: true, shownAt: NOW });
    if (!reply?.show || 'checkIn' in reply) throw new Error('no reminder');
    expect(reply.messageKey).toMatch(/^reminder_/);
    // Her first reminder ever: the card says, once, that reminders change.
    expect(reply.first).toBe(true);
    clock += 30 * MIN;
    const second = await send<NudgeReply>(request(7), from('https://www.instagram.com/'));
    expect(second).toMatchObject({ show: true });
    expect(second && 'first' in second).toBe(false);
    const { nudges } = await ledger.snapshot();
    expect(nudges[0]).toEqual(expect.objectContaining({ id: reply.nudgeId, site: 'instagram', shownAt: NOW }));
  });

  it.each([
    ['too little scrolling yet', request(2), 'not-enough-active-time'],
    ['while she is typing', request(7, { typingAt: NOW - S }), 'typing'],
    ['while a boundary screen is up', request(7, { boundaryShown: true }), 'boundary-shown'],
  ])('says no %s', async (_label, message, reason) => {
    expect(await send<NudgeReply>(message, from('https://www.instagram.com/'))).toEqual({ show: false, reason });
  });

  it('never on a messages page', async () => {
    expect(await send<NudgeReply>(request(30), from('https://www.instagram.com/direct/inbox/'))).toEqual({
      show: false,
      reason: 'not-feed-page',
    });
  });

  it('answers a malformed request with the one error reply and shows nothing', async () => {
    expect(
      await sendAs({ type: 'nudge/request', data: { activeMsOnPage: 'lots' } }, from('https://x.com/home')),
    ).toEqual({
      error: 'invalid-message',
    });
    expect((await ledger.snapshot()).nudges).toEqual([]);
  });

  it('keeps the gap across tabs and sites', async () => {
    expect((await send<NudgeReply>(request(7), from('https://www.instagram.com/')))?.show).toBe(true);
    clock = NOW + 5 * MIN;
    expect(await send<NudgeReply>(request(7), from('https://x.com/home'))).toEqual({ show: false, reason: 'too-soon' });
  });

  it('records the outcome, and "snooze for today" holds for the rest of the day', async () => {
    const reply = await send<NudgeReply>(request(7), from('https://www.instagram.com/'));
    if (!reply?.show || 'checkIn' in reply) throw new Error('no nudge');
    clock = NOW + 10 * S;
    expect(
      await send(
        { type: 'nudge/outcome', nudgeId: reply.nudgeId, outcome: 'snoozed-today' },
        from('https://www.instagram.com/'),
      ),
    ).toEqual({ ok: true });
    expect((await ledger.snapshot()).nudges[0]).toMatchObject({ outcome: 'snoozed-today', outcomeAt: NOW + 10 * S });
    clock = NOW + 3 * 60 * MIN;
    expect(await send<NudgeReply>(request(30), from('https://www.instagram.com/'))).toEqual({
      show: false,
      reason: 'snoozed',
    });
  });

  it('refuses an outcome for a reminder it does not know', async () => {
    expect(
      await send(
        { type: 'nudge/outcome', nudgeId: '1-no_such_reminder', outcome: 'helped' },
        from('https://x.com/home'),
      ),
    ).toEqual({ ok: false });
  });

  it('keeps an unreadable nudge state aside and starts fresh', async () => {
    await fakeBrowser.storage.local.set({ nudgeState: { schemaVersion: 1, shownToday: 'many' } });
    expect((await send<NudgeReply>(request(7), from('https://www.instagram.com/')))?.show).toBe(true);
    expect((await ledger.snapshot()).unreadable).toEqual([
      {
        key: 'local:nudgeState',
        reason: 'invalid day',
        at: NOW,
        value: { schemaVersion: 1, shownToday: 'many' },
      },
    ]);
    // The state written after the reminder is readable again.
    expect((await fakeBrowser.storage.local.get('nudgeState')).nudgeState).toMatchObject({ shownToday: 1 });
  });
});
