// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { framePage } from '@/components/framePage';

let posted: unknown[];
let resized: (() => void) | undefined;
/** The page's message listener (one per test: each test makes its own page). */
let onMessage: ((event: MessageEvent) => void) | undefined;

beforeEach(() => {
  posted = [];
  vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: unknown) => {
    if (type === 'message') onMessage = listener as (event: MessageEvent) => void;
  });
  // The page's parent, as a frame on a site sees it.
  vi.spyOn(window, 'parent', 'get').mockReturnValue({
    postMessage: (data: unknown) => posted.push(data),
  } as unknown as Window);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resized = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a card’s frame page', () => {
  it('takes its title from the messages', () => {
    framePage('muteFrameTitle');
    expect(document.title).toBe('Outside the Frame: a break from one account');
  });

  it('tells its parent how tall the card is as it changes', () => {
    framePage('nudgeFrameTitle');
    vi.spyOn(document.body, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 300, 180.4));
    resized?.();
    expect(posted).toEqual(['outside-the-frame:height:181']);
  });

  /** The page's address, as the page's script framed it (with this showing's token, or none). */
  const at = (search: string) => window.history.replaceState({}, '', `/nudge.html${search}`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('says once what she chose, to the background with its token, never through the site’s page', async () => {
    at('?key=reminder_x&frame=tok-1');
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true as never);
    const frame = framePage('nudgeFrameTitle');
    frame.done('helped');
    frame.done('not-now');
    await settle();
    expect(sent.mock.calls).toEqual([[{ type: 'frame/done', data: { frame: 'tok-1', what: 'helped' } }]]);
    expect(posted).toEqual([]);
  });

  it('when the background can’t hand it on, the card still goes, as closed, and her choice is not said', async () => {
    at('?key=reminder_x&frame=tok-1');
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(false as never);
    framePage('nudgeFrameTitle').done('hide');
    await settle();
    expect(posted).toEqual(['outside-the-frame:done:closed']);
  });

  it('without its token (opened some other way) it only says it closed', async () => {
    at('?key=reminder_x');
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true as never);
    framePage('nudgeFrameTitle').done('helped');
    await settle();
    expect(sent).not.toHaveBeenCalled();
    expect(posted).toEqual(['outside-the-frame:done:closed']);
  });

  it('handles Esc passed on from its parent as Esc pressed here, and nothing from anyone else', () => {
    framePage('nudgeFrameTitle');
    const keys: string[] = [];
    document.addEventListener('keydown', (event) => keys.push(event.key));
    onMessage?.(new MessageEvent('message', { data: 'outside-the-frame:escape', source: window }));
    onMessage?.(new MessageEvent('message', { data: 'hello', source: window.parent }));
    expect(keys).toEqual([]);
    onMessage?.(new MessageEvent('message', { data: 'outside-the-frame:escape', source: window.parent }));
    expect(keys).toEqual(['Escape']);
  });
});
