/**
 * Check-ins wired to the fake browser: the background decides a session has ended from the
 * ledger's sessions, asks about it once where it may, keeps the answer with the session (its
 * reminders and comparison-trap posts too), holds the daily cap and "Don't ask me this", and
 * brings the question to the feed after 20 minutes of scrolling in a reminder's place.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import type { Replies, ReplyOf } from '@/utils/messaging/protocol';
import { buildExport } from '@/utils/storage/exportData';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { useTimeZone } from '../helpers/timeZone';
import { type Sender, sendAs, sender } from './messages';

const MIN = 60_000;
/** Friday 4 December 2026, 20:00 UTC. */
const NOW = Date.UTC(2026, 11, 4, 20, 0);
const DAY = '2026-12-04';
let clock = NOW;
let count = 0;
let ledger: LedgerStore;

const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const instagram = sender('https://www.instagram.com/');
const send = <K extends keyof Replies>(type: K, data: unknown, who: Sender = popup) =>
  sendAs<ReplyOf<K>>({ type, data }, who);

/** A session on `site` that ended `endedMinutesAgo` before now, `activeMinutes` long, filed as the latest. */
async function sessionOf(id: string, site: string, endedMinutesAgo: number, activeMinutes: number) {
  const end = clock - endedMinutesAgo * MIN;
  const start = end - activeMinutes * MIN;
  await ledger.updateDay('sessions', DAY, clock, (record) => {
    record.sessions.push({ id, site, day: DAY, start, end, activeMs: activeMinutes * MIN });
  });
  await ledger.importRecords([
    ['tracking-state', { schemaVersion: 1, counted: [], latestSession: { [site]: { id, day: DAY } } }],
  ]);
  return { start, end };
}

const checkIns = async () => (await ledger.snapshot()).checkIns.flatMap((record) => record.checkIns);

useTimeZone('UTC');

beforeEach(() => {
  fakeBrowser.reset();
  clock = NOW;
  count += 1;
  ledger = new LedgerStore(createStore(`checkins-${count}`, 'ledger'));
  startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
});

describe('the popup’s check-in', () => {
  it('asks about the latest long session once it has ended, and keeps the answer with it', async () => {
    const { start } = await sessionOf('instagram-1', 'instagram', 10, 24);
    await ledger.logNudge(
      DAY,
      { id: 'n1', reminderId: 'r', tag: 'noticing', site: 'instagram', shownAt: start + 5 * MIN },
      clock,
    );
    const reply = await send('checkin/question', { where: 'popup' });
    expect(reply?.question).toMatchObject({
      day: DAY,
      sessionId: 'instagram-1',
      site: 'instagram',
      activeMs: 24 * MIN,
    });
    expect(
      await send('checkin/answer', { day: DAY, sessionId: 'instagram-1', feeling: 'bit-worse', note: ' Kitchens. ' }),
    ).toEqual({ ok: true });
    expect(await checkIns()).toEqual([
      expect.objectContaining({
        sessionId: 'instagram-1',
        askedWhere: 'popup',
        feeling: 'bit-worse',
        note: 'Kitchens.',
        answeredAt: NOW,
        remindersShown: 1,
      }),
    ]);
    expect((await send('checkin/question', { where: 'popup' }))?.question).toBeNull();
  });

  it('does not ask about a short session, one still going, or one from yesterday morning', async () => {
    await sessionOf('a', 'instagram', 10, 10);
    await sessionOf('b', 'x', 2, 30);
    expect((await send('checkin/question', { where: 'popup' }))?.question).toBeNull();
    clock += 13 * 60 * MIN;
    expect((await send('checkin/question', { where: 'popup' }))?.question).toBeNull();
  });

  it('"Not now" closes it for that session; "Don’t ask me this" stops all questions until turned back on', async () => {
    await sessionOf('a', 'instagram', 10, 30);
    await send('checkin/question', { where: 'popup' });
    expect(await send('checkin/dismiss', { day: DAY, sessionId: 'a' })).toEqual({ ok: true });
    expect((await send('checkin/question', { where: 'popup' }))?.question).toBeNull();
    await sessionOf('b', 'x', 8, 30);
    expect(await send('checkin/off', { off: true })).toEqual({ ok: true });
    expect((await send('checkin/question', { where: 'popup' }))?.question).toBeNull();
    await send('checkin/off', { off: false });
    expect((await send('checkin/question', { where: 'popup' }))?.question?.sessionId).toBe('b');
  });

  it('never asks more than three times a day', async () => {
    for (const [index, id] of ['a', 'b', 'c', 'd'].entries()) {
      await sessionOf(id, 'instagram', 10, 20 + index);
      const question = (await send('checkin/question', { where: 'popup' }))?.question;
      if (index < 3) {
        expect(question?.sessionId).toBe(id);
        await send('checkin/answer', { day: DAY, sessionId: id, feeling: 'same' });
      } else expect(question).toBeNull();
      clock += 60 * MIN;
    }
  });

  it('answers only the extension’s own pages, and an answer needs a question asked first', async () => {
    await sessionOf('a', 'instagram', 10, 30);
    expect(await send('checkin/question', { where: 'popup' }, instagram)).toEqual({ question: null });
    expect(await send('checkin/answer', { day: DAY, sessionId: 'a', feeling: 'same' })).toEqual({ ok: false });
    expect(await send('checkin/off', { off: true }, instagram)).toEqual({ ok: false });
  });
});

describe('where else it asks', () => {
  it('on the boundary screen, about the session the limit just ended', async () => {
    await sessionOf('a', 'instagram', 0, 16);
    expect((await send('checkin/question', { where: 'boundary', site: 'x' }))?.question).toBeNull();
    const question = (await send('checkin/question', { where: 'boundary', site: 'instagram' }))?.question;
    expect(question?.sessionId).toBe('a');
    expect((await checkIns())[0]?.askedWhere).toBe('boundary');
    // Asked once there: not again on another boundary screen.
    expect((await send('checkin/question', { where: 'boundary', site: 'instagram' }))?.question).toBeNull();
  });

  it('in the feed after 20 minutes of scrolling, instead of a reminder, counted as one', async () => {
    await sessionOf('a', 'instagram', 0, 21);
    const request = {
      activeMsOnPage: 21 * MIN,
      activeMsSinceLastNudge: 21 * MIN,
      scrollPxSinceLastNudge: 50_000,
      pageVisible: true,
      boundaryShown: false,
    };
    const reply = await send('nudge/request', request, instagram);
    expect(reply).toMatchObject({ show: true, checkIn: { sessionId: 'a', site: 'instagram' } });
    expect((await fakeBrowser.storage.local.get('nudgeState')).nudgeState).toMatchObject({
      shownToday: 1,
      lastShownAt: NOW,
    });
    expect((await checkIns())[0]?.askedWhere).toBe('feed');
    // The gap after it holds like after a reminder.
    clock += 60_000;
    expect(await send('nudge/request', request, instagram)).toMatchObject({ show: false, reason: 'too-soon' });
  });

  it('counts the comparison-trap posts the page saw in the session, and all of it is in the export', async () => {
    await sessionOf('a', 'instagram', 0, 21);
    await send(
      'posts/seen',
      { sightings: [{ handle: 'tidy', trapPosts: 3, seconds: 9, themes: { 'spotless-home': 3 } }] },
      instagram,
    );
    await send('checkin/question', { where: 'boundary', site: 'instagram' });
    await send('checkin/answer', { day: DAY, sessionId: 'a', feeling: 'much-worse' });
    await expect.poll(async () => (await checkIns())[0]?.trapPosts).toBe(3);
    const file = buildExport(await ledger.snapshot(), new Date(clock));
    expect(file.checkIns).toEqual([
      expect.objectContaining({
        site: 'instagram',
        sessionDay: DAY,
        activeSeconds: 21 * 60,
        trapPosts: 3,
        remindersShown: 0,
        askedWhere: 'boundary',
        feeling: 'much-worse',
        note: null,
        dismissedAt: null,
      }),
    ]);
  });
});
