/**
 * A card's choice, handed on privately: the card's frame (an extension page in a tab) sends it to
 * the background, which gives it to the page's script in that tab's top frame — never to another
 * tab, and only from the extension's own pages.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/entrypoints/background/main';
import { LedgerStore } from '@/utils/storage/ledgerStore';
import { type Sender, sendAs, sender } from './messages';

let databaseCount = 0;
beforeEach(() => {
  databaseCount += 1;
  startBackground(fakeBrowser as never, {
    ledger: new LedgerStore(createStore(`frames-${databaseCount}`, 'ledger')),
    batchMs: 5,
  });
});

/** The mute card's page in a frame on Instagram, in tab 7. */
const card = (): Sender => ({ ...sender(fakeBrowser.runtime.getURL('/mute.html?frame=tok-1'), 7, 2), frameId: 3 });
const choose = (from: Sender, what = 'hide') =>
  sendAs<boolean>({ type: 'frame/done', data: { frame: 'tok-1', what } }, from);

describe('frame/done', () => {
  it('hands her choice to the page’s script in the top frame of the card’s tab', async () => {
    const handed = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await choose(card())).toBe(true);
    expect(handed.mock.calls).toEqual([[7, { type: 'page/frameDone', frame: 'tok-1', what: 'hide' }, { frameId: 0 }]]);
  });

  it('hands nothing on from a site’s page or without a tab, and says when the page is gone', async () => {
    const handed = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    expect(await choose(sender('https://www.instagram.com/', 7))).toBe(false);
    const { tab: _tab, ...noTab } = card();
    expect(await choose(noTab)).toBe(false);
    expect(handed).not.toHaveBeenCalled();
    expect(await choose(card())).toBe(false);
    expect(handed).toHaveBeenCalledTimes(1);
  });

  it('refuses a malformed choice', async () => {
    const handed = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const reply = await sendAs<{ error?: string }>({ type: 'frame/done', data: { frame: '', what: 'hide' } }, card());
    expect(reply).toHaveProperty('error');
    expect(handed).not.toHaveBeenCalled();
  });
});
