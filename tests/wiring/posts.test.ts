/**
 * The background's side of mute suggestions, wired to the fake browser: what pages saw goes
 * into the exposure ledger, a suggestion comes when an account crosses the line (once), her
 * choices are stored where pages read them, the popup's undo works only from the extension's
 * own pages, and the context-menu path asks the page for the post.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import type { ReplyOf } from '@/utils/messaging/protocol';
import { loadItem } from '@/utils/storage/itemStore';
import { accounts, postDetection } from '@/utils/storage/items';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { useTimeZone } from '../helpers/timeZone';
import { triggerable } from '../setup/menus';
import { type Sender, sendAs, sender } from './messages';

const NOW = Date.UTC(2026, 10, 22, 15, 0);
const DAY = 86_400_000;
let clock = NOW;
let count = 0;
let ledger: LedgerStore;

const instagram = sender('https://www.instagram.com/');
const popup: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

const seen = (handle: string, trapPosts: number, extra: object = {}) => ({
  type: 'posts/seen' as const,
  data: { sightings: [{ handle, trapPosts, seconds: 3, themes: { 'spotless-home': trapPosts }, ...extra }] },
});

const send = <K extends keyof import('@/utils/messaging/protocol').Replies>(
  message: { type: K; data: unknown },
  who: Sender,
) => sendAs<ReplyOf<K>>(message, who);

useTimeZone('UTC');

beforeEach(() => {
  clock = NOW;
  count += 1;
  ledger = new LedgerStore(createStore(`posts-${count}`, 'ledger'));
  startBackground(fakeBrowser as never, { ledger, now: () => clock, batchMs: 5 });
});

describe('exposure and suggestions', () => {
  it('keeps trap posts per account per day, and suggests when an account reaches three in a week', async () => {
    expect(await send(seen('maple', 2, { name: 'Maple & Moss' }), instagram)).toEqual({ suggestion: null });
    clock += DAY;
    expect(await send(seen('maple', 1), instagram)).toEqual({
      suggestion: {
        site: 'instagram',
        handle: 'maple',
        name: 'Maple & Moss',
        theme: 'spotless-home',
        trapPosts: 3,
        reason: 'threshold',
      },
    });
    const { exposure } = await ledger.snapshot();
    expect(exposure.map((day) => [day.day, day.accounts.map((account) => account.trapPosts)])).toEqual([
      ['2026-11-22', [2]],
      ['2026-11-23', [1]],
    ]);
  });

  it('does not suggest the same account again the same day after she closed the card', async () => {
    expect((await send(seen('maple', 3), instagram))?.suggestion?.handle).toBe('maple');
    expect(await send(seen('maple', 1), instagram)).toEqual({ suggestion: null });
  });

  it('counts a week: trap posts from 8 days ago do not count', async () => {
    await send(seen('maple', 2), instagram);
    clock += 8 * DAY;
    expect(await send(seen('maple', 1), instagram)).toEqual({ suggestion: null });
  });

  it('deletes exposure older than 30 days', async () => {
    await send(seen('maple', 1), instagram);
    clock += 31 * DAY;
    await send(seen('river', 1), instagram);
    const { exposure } = await ledger.snapshot();
    expect(exposure.map((day) => day.day)).toEqual(['2026-12-23']);
  });

  it('ignores what is not a tracked site’s top frame', async () => {
    expect(await send(seen('maple', 5), sender('https://example.com/'))).toEqual({ suggestion: null });
    expect(await send(seen('maple', 5), { ...instagram, frameId: 3 })).toEqual({ suggestion: null });
    expect((await ledger.snapshot()).exposure).toEqual([]);
  });

  it('"this made me feel worse" marks the account and suggests at once', async () => {
    const reply = await send({ type: 'posts/markWorse', data: { handle: 'river', name: 'River' } }, instagram);
    expect(reply?.suggestion).toMatchObject({ handle: 'river', reason: 'marked', trapPosts: 0 });
    const stored = (await loadItem(accounts)).value;
    expect(stored?.accounts).toEqual([expect.objectContaining({ site: 'instagram', handle: 'river', markedAt: NOW })]);
  });

  it('hides an account for her from the card, for pages to read', async () => {
    expect(await send({ type: 'posts/act', data: { handle: 'maple', action: 'hide' } }, instagram)).toEqual({
      ok: true,
    });
    expect((await loadItem(accounts)).value?.accounts).toEqual([{ site: 'instagram', handle: 'maple', hiddenAt: NOW }]);
    expect((await send(seen('maple', 9), instagram))?.suggestion).toBeNull();
  });
});

describe('classifying posts', () => {
  it('says which texts look like comparison traps, with her own words too', async () => {
    const texts = [
      'Spotless kitchen, every surface cleared before seven #cleanhome',
      'Rainy afternoon, puzzle on the floor.',
      'My glow up story',
    ];
    const before = await send({ type: 'posts/classify', data: { texts } }, instagram);
    expect(before?.verdicts.map((verdict) => verdict.trap)).toEqual([true, false, false]);
    expect(before?.verdicts[0]?.themes).toContain('spotless-home');
    await send({ type: 'accounts/triggerWords', data: { words: ['glow up'] } }, popup);
    const after = await send({ type: 'posts/classify', data: { texts } }, instagram);
    expect(after?.verdicts[2]).toEqual({ trap: true, themes: ['own-words'] });
  });

  it('classifies only for a tracked site’s page', async () => {
    expect(await send({ type: 'posts/classify', data: { texts: ['x'] } }, sender('https://example.com/'))).toEqual({
      verdicts: [],
    });
  });
});

describe('the popup’s changes', () => {
  it('undoes from the popup, and refuses the same from a web page', async () => {
    await send({ type: 'posts/act', data: { handle: 'maple', action: 'hide' } }, instagram);
    expect(
      await send({ type: 'accounts/act', data: { site: 'instagram', handle: 'maple', action: 'unhide' } }, instagram),
    ).toMatchObject({ ok: false });
    const reply = await send(
      { type: 'accounts/act', data: { site: 'instagram', handle: 'maple', action: 'unhide' } },
      popup,
    );
    expect(reply).toEqual({ ok: true, accounts: { schemaVersion: 1, accounts: [], triggerWords: [] } });
  });

  it('refuses an unknown site', async () => {
    expect(
      await send({ type: 'accounts/act', data: { site: 'myspace', handle: 'tom', action: 'hide' } }, popup),
    ).toMatchObject({ ok: false });
  });

  it('saves her own trigger words, cleaned', async () => {
    const reply = await send({ type: 'accounts/triggerWords', data: { words: [' glow up', 'Glow up', ''] } }, popup);
    expect(reply?.accounts.triggerWords).toEqual(['glow up']);
    expect((await loadItem(accounts)).value?.triggerWords).toEqual(['glow up']);
  });
});

describe('post detection', () => {
  it('notes a site where no posts are found, and clears it when they are again', async () => {
    await send({ type: 'posts/detection', data: { working: false } }, instagram);
    expect((await loadItem(postDetection)).value).toEqual({ instagram: NOW });
    await send({ type: 'posts/detection', data: { working: true } }, instagram);
    expect((await loadItem(postDetection)).value).toEqual({});
  });
});

describe('“This made me feel worse” from the menu and the shortcut', () => {
  it('asks the page that was clicked to find the post', async () => {
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await triggerable(fakeBrowser.contextMenus.onClicked).trigger({ menuItemId: 'felt-worse' }, { id: 42 });
    expect(sendToTab).toHaveBeenCalledWith(42, { type: 'page/markWorse' }, { frameId: 0 });
  });

  it('the shortcut asks the tab in front', async () => {
    const sendToTab = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await triggerable(fakeBrowser.commands.onCommand).trigger('felt-worse', { id: 7 });
    expect(sendToTab).toHaveBeenCalledWith(7, { type: 'page/markWorse' }, { frameId: 0 });
  });

  it('adds the menu item on the feed sites when installed', async () => {
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[0]).toMatchObject({
      id: 'felt-worse',
      title: 'This made me feel worse',
      documentUrlPatterns: expect.arrayContaining(['https://*.instagram.com/*']),
    });
  });
});
