// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageLock } from '@/entrypoints/feed.content/pageLock';

let lock: PageLock;

beforeEach(() => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  lock = new PageLock();
});

afterEach(() => {
  lock.unlock();
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
});

function media(tag: 'video' | 'audio'): HTMLMediaElement {
  const element = document.createElement(tag);
  document.body.append(element);
  return element;
}

const wheel = () => new WheelEvent('wheel', { deltaY: 120, bubbles: true, cancelable: true, composed: true });
const touchmove = () => new Event('touchmove', { bubbles: true, cancelable: true, composed: true });

/** An element of our own UI: inside the shadow root of a host named outside-the-frame-…. */
function ourUi(name = 'outside-the-frame-boundary'): HTMLElement {
  const host = document.createElement(name);
  document.documentElement.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const panel = document.createElement('div');
  shadow.append(panel);
  return panel;
}

describe('page lock: locking', () => {
  it('hides overflow on <html> and <body>, keeping their own inline styles', () => {
    document.body.setAttribute('style', 'color: red; margin: 3px');
    lock.lock();
    const html = document.documentElement;
    const body = document.body;
    expect(html.style.getPropertyValue('overflow')).toBe('hidden');
    expect(html.style.getPropertyPriority('overflow')).toBe('important');
    expect(body.style.getPropertyValue('overflow')).toBe('hidden');
    expect(body.style.getPropertyPriority('overflow')).toBe('important');
    expect(body.style.getPropertyValue('color')).toBe('red');
    expect(body.style.getPropertyValue('margin')).toBe('3px');
  });

  it('wins over the page’s own overflow on <html> and <body>', () => {
    document.documentElement.setAttribute('style', 'overflow: scroll');
    document.body.setAttribute('style', 'overflow: auto !important');
    lock.lock();
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    expect(document.body.style.getPropertyValue('overflow')).toBe('hidden');
  });

  it('keeps <html> shown even against a page hiding everything', () => {
    document.documentElement.setAttribute('style', 'display: none');
    lock.lock();
    const style = document.documentElement.style;
    expect(style.getPropertyValue('display')).toBe('block');
    expect(style.getPropertyPriority('display')).toBe('important');
    expect(style.getPropertyValue('visibility')).toBe('visible');
  });

  it('pauses media that is playing', async () => {
    const video = media('video');
    const audio = media('audio');
    const stillPaused = media('video');
    await video.play();
    await audio.play();
    expect(video.paused).toBe(false);
    lock.lock();
    expect(video.paused).toBe(true);
    expect(audio.paused).toBe(true);
    expect(stillPaused.paused).toBe(true);
  });

  it('pauses media the page starts while locked, also media added later', async () => {
    const video = media('video');
    lock.lock();
    await video.play();
    expect(video.paused).toBe(true);
    const later = media('audio');
    await later.play();
    expect(later.paused).toBe(true);
  });

  it('pauses media inside the page’s own open shadow roots too (players built as web components)', async () => {
    const player = document.createElement('site-player');
    document.body.append(player);
    const video = document.createElement('video');
    player.attachShadow({ mode: 'open' }).append(video);
    await video.play();
    lock.lock();
    expect(video.paused).toBe(true);
    await video.play();
    expect(video.paused).toBe(true);
  });

  it('blocks wheel and touch scrolling on the page', () => {
    const feed = document.createElement('div');
    document.body.append(feed);
    lock.lock();
    for (const make of [wheel, touchmove]) {
      const event = make();
      feed.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
      const onDocument = make();
      document.dispatchEvent(onDocument);
      expect(onDocument.defaultPrevented).toBe(true);
    }
  });

  it('lets our own UI scroll (any host whose tag starts with OUTSIDE-THE-FRAME)', () => {
    lock.lock();
    for (const panel of [ourUi(), ourUi('outside-the-frame-nudge')]) {
      for (const make of [wheel, touchmove]) {
        const event = make();
        panel.dispatchEvent(event);
        expect(event.defaultPrevented).toBe(false);
      }
    }
  });

  it('does not let a page element that only looks like ours scroll', () => {
    lock.lock();
    const lookalike = document.createElement('my-outside-the-frame');
    document.body.append(lookalike);
    const event = wheel();
    lookalike.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('page lock: unlocking', () => {
  it('restores exactly the old style attributes, including none at all', () => {
    document.body.setAttribute('style', 'color: red; overflow: scroll');
    lock.lock();
    lock.unlock();
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    expect(document.body.getAttribute('style')).toBe('color: red; overflow: scroll');
  });

  it('restores an empty style attribute as empty', () => {
    document.documentElement.setAttribute('style', '');
    lock.lock();
    lock.unlock();
    expect(document.documentElement.getAttribute('style')).toBe('');
  });

  it('stops blocking scrolling and pausing media', async () => {
    const feed = document.createElement('div');
    document.body.append(feed);
    const video = media('video');
    lock.lock();
    lock.unlock();
    for (const make of [wheel, touchmove]) {
      const event = make();
      feed.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(false);
    }
    await video.play();
    expect(video.paused).toBe(false);
  });

  it('does not start media it paused (she chooses what plays)', async () => {
    const video = media('video');
    await video.play();
    lock.lock();
    lock.unlock();
    expect(video.paused).toBe(true);
  });

  it('is safe to lock twice and unlock twice: the old styles still come back', () => {
    document.body.setAttribute('style', 'color: red');
    lock.lock();
    const locked = document.body.getAttribute('style');
    lock.lock();
    expect(document.body.getAttribute('style')).toBe(locked);
    lock.unlock();
    expect(document.body.getAttribute('style')).toBe('color: red');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    lock.unlock();
    expect(document.body.getAttribute('style')).toBe('color: red');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('unlocking without a lock changes nothing', () => {
    document.body.setAttribute('style', 'overflow: scroll');
    lock.unlock();
    expect(document.body.getAttribute('style')).toBe('overflow: scroll');
    const event = wheel();
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('locks again after an unlock, and unlocks again to the same styles', () => {
    document.body.setAttribute('style', 'color: red');
    lock.lock();
    lock.unlock();
    lock.lock();
    expect(document.body.style.getPropertyValue('overflow')).toBe('hidden');
    const event = wheel();
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    lock.unlock();
    expect(document.body.getAttribute('style')).toBe('color: red');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });
});
