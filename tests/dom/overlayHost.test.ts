// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OverlayHost, type OverlayHostOptions } from '@/entrypoints/feed.content/overlayHost';

const NAME = 'outside-the-frame-test-card';

const overlays: OverlayHost[] = [];

/** Draws one paragraph of `text` into the host. */
const card = (text: string) => (container: HTMLElement) => {
  const paragraph = container.ownerDocument.createElement('p');
  paragraph.className = 'card';
  paragraph.textContent = text;
  container.replaceChildren(paragraph);
};

function mountOverlay(options: Partial<OverlayHostOptions> = {}): OverlayHost {
  const overlay = new OverlayHost({ name: NAME, css: '.card{color:rebeccapurple}', fullPage: false, ...options });
  overlay.render(card('Hello from outside the frame'));
  overlays.push(overlay);
  return overlay;
}

function hostElement(): HTMLElement {
  const host = document.documentElement.querySelector<HTMLElement>(`:scope > ${NAME}`);
  if (!host) throw new Error('No host on <html>');
  return host;
}

/** Let MutationObserver callbacks (microtasks) and what they cause run. */
async function settle() {
  for (let index = 0; index < 10; index++) await Promise.resolve();
}

afterEach(() => {
  for (const overlay of overlays.splice(0)) overlay.unmount();
  vi.useRealTimers();
  for (const stray of document.querySelectorAll(NAME)) stray.remove();
});

describe('overlay host: mounting', () => {
  it('mounts an open shadow root on <html>, named as asked, with the page’s CSS kept out', () => {
    const overlay = mountOverlay();
    expect(overlay.mounted).toBe(true);
    const host = hostElement();
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.tagName).toBe(NAME.toUpperCase());
    expect(document.body.querySelector(NAME)).toBeNull();
    const shadow = host.shadowRoot;
    expect(shadow).not.toBeNull();
    expect(shadow?.querySelector('.card')?.textContent).toBe('Hello from outside the frame');
    const css = shadow?.querySelector('style')?.textContent ?? '';
    expect(css).toContain(':host{all:initial!important}');
    expect(css).toContain('.card{color:rebeccapurple}');
  });

  it('pins a corner card to the bottom right by default, with !important inline styles', () => {
    mountOverlay();
    const style = hostElement().getAttribute('style') ?? '';
    expect(style).toContain('position:fixed!important');
    expect(style).toContain('right:0!important');
    expect(style).toContain('bottom:0!important');
    expect(style).not.toContain('left:0');
  });

  it('pins a card to the bottom left when asked', () => {
    mountOverlay({ corner: 'left' });
    const style = hostElement().getAttribute('style') ?? '';
    expect(style).toContain('left:0!important');
    expect(style).not.toContain('right:0');
  });

  it('covers the whole page, above everything, for the full-page variant', () => {
    mountOverlay({ fullPage: true });
    const style = hostElement().getAttribute('style') ?? '';
    expect(style).toContain('position:fixed!important');
    expect(style).toContain('inset:0!important');
    expect(style).toContain('z-index:2147483647!important');
  });

  it('draws again into the same host', () => {
    const overlay = mountOverlay();
    overlay.render(card('Updated'));
    expect(document.querySelectorAll(NAME)).toHaveLength(1);
    expect(hostElement().shadowRoot?.querySelector('.card')?.textContent).toBe('Updated');
  });

  it('draws into a container already on the page (so what it draws can take focus)', () => {
    const overlay = new OverlayHost({ name: NAME, css: '', fullPage: true });
    overlays.push(overlay);
    let connected: boolean | undefined;
    overlay.render((container) => {
      connected = container.isConnected && container.getRootNode() === hostElement().shadowRoot;
    });
    expect(connected).toBe(true);
  });

  it('leaves nothing on the page once unmounted', () => {
    const overlay = mountOverlay();
    overlay.unmount();
    expect(overlay.mounted).toBe(false);
    expect(document.querySelector(NAME)).toBeNull();
  });
});

describe('overlay host: the page fighting back', () => {
  it('puts the host back when the page removes it', async () => {
    mountOverlay();
    const host = hostElement();
    host.remove();
    expect(host.isConnected).toBe(false);
    await settle();
    expect(host.isConnected).toBe(true);
    expect(host.parentElement).toBe(document.documentElement);
    // The same host, with what it drew.
    expect(host.shadowRoot?.querySelector('.card')?.textContent).toBe('Hello from outside the frame');
  });

  it('puts the host back when the page clears <html>', async () => {
    mountOverlay();
    const host = hostElement();
    document.documentElement.removeChild(host);
    await settle();
    expect(hostElement()).toBe(host);
  });

  it('undoes the page rewriting the host’s style attribute', async () => {
    mountOverlay();
    const host = hostElement();
    const original = host.getAttribute('style');
    host.setAttribute('style', 'display:none!important');
    await settle();
    expect(host.getAttribute('style')).toBe(original);
    host.style.setProperty('opacity', '0', 'important');
    await settle();
    expect(host.getAttribute('style')).toBe(original);
    host.removeAttribute('style');
    await settle();
    expect(host.getAttribute('style')).toBe(original);
  });

  it('undoes the page hiding the host with the hidden attribute', async () => {
    mountOverlay();
    const host = hostElement();
    host.setAttribute('hidden', '');
    await settle();
    expect(host.hasAttribute('hidden')).toBe(false);
    host.hidden = true;
    await settle();
    expect(host.hidden).toBe(false);
  });

  it('throttles a page that removes it in a loop, but still puts it back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // All within one second of the clock.
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    mountOverlay();
    const host = hostElement();

    let repairedAtOnce = 0;
    for (let round = 0; round < 200; round++) {
      host.remove();
      await settle();
      if (!host.isConnected) break;
      repairedAtOnce += 1;
    }
    // The first repairs come at once; then, within the same second, they wait.
    expect(repairedAtOnce).toBeGreaterThanOrEqual(20);
    expect(repairedAtOnce).toBeLessThanOrEqual(60);
    expect(host.isConnected).toBe(false);

    await vi.advanceTimersByTimeAsync(240);
    await settle();
    expect(host.isConnected).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(host.isConnected).toBe(true);

    // Still throttled in the same second: removed again and again, back once, ~250 ms later.
    host.remove();
    await settle();
    host.setAttribute('hidden', '');
    await settle();
    expect(host.isConnected).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(host.isConnected).toBe(true);
    expect(host.hasAttribute('hidden')).toBe(false);

    // A new second: repairs are immediate again.
    now.mockReturnValue(1_800_000_001_000);
    host.remove();
    await settle();
    expect(host.isConnected).toBe(true);
  });
});

describe('overlay host: unmounting', () => {
  it('removes the host and stops repairing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const overlay = mountOverlay();
    const host = hostElement();
    const card = host.shadowRoot?.querySelector('.card');
    overlay.unmount();
    expect(overlay.mounted).toBe(false);
    expect(host.isConnected).toBe(false);
    expect(card?.isConnected).toBe(false);
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.isConnected).toBe(false);
    expect(document.querySelector(NAME)).toBeNull();
    // Its old host put on the page again is not styled back or moved by anyone.
    document.body.append(host);
    host.setAttribute('style', 'display:none');
    await settle();
    expect(host.parentElement).toBe(document.body);
    expect(host.getAttribute('style')).toBe('display:none');
  });

  it('drops a repair still waiting when it is unmounted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    const overlay = mountOverlay();
    const host = hostElement();
    for (let round = 0; round < 200 && host.isConnected; round++) {
      host.remove();
      await settle();
    }
    expect(host.isConnected).toBe(false);
    overlay.unmount();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(host.isConnected).toBe(false);
  });

  it('mounts a fresh host when drawn again after unmounting', () => {
    const overlay = mountOverlay();
    const first = hostElement();
    overlay.unmount();
    overlay.render(card('Again'));
    const second = hostElement();
    expect(second).not.toBe(first);
    expect(second.shadowRoot?.querySelector('.card')?.textContent).toBe('Again');
  });
});

describe('overlay host: events stay inside', () => {
  it.each([
    ['keydown', () => new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true, cancelable: true })],
    ['keyup', () => new KeyboardEvent('keyup', { key: 'j', bubbles: true, composed: true })],
    ['keypress', () => new KeyboardEvent('keypress', { key: 'j', bubbles: true, composed: true })],
    ['wheel', () => new WheelEvent('wheel', { deltaY: 120, bubbles: true, composed: true, cancelable: true })],
  ])('a %s inside the host does not reach the page’s listeners', (type, make) => {
    mountOverlay();
    const onDocument = vi.fn();
    const onWindow = vi.fn();
    const onBody = vi.fn();
    document.addEventListener(type, onDocument);
    window.addEventListener(type, onWindow);
    document.body.addEventListener(type, onBody);
    try {
      const inside = vi.fn();
      const card = hostElement().shadowRoot?.querySelector('.card');
      card?.addEventListener(type, inside);
      card?.dispatchEvent(make());
      expect(inside).toHaveBeenCalledOnce();
      expect(onDocument).not.toHaveBeenCalled();
      expect(onWindow).not.toHaveBeenCalled();
      expect(onBody).not.toHaveBeenCalled();

      // The page's own events still reach its listeners.
      document.body.dispatchEvent(make());
      expect(onDocument).toHaveBeenCalledOnce();
      expect(onWindow).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener(type, onDocument);
      window.removeEventListener(type, onWindow);
      document.body.removeEventListener(type, onBody);
    }
  });
});
