/**
 * While the boundary screen is up, the site underneath holds still: no scrolling, media
 * paused (and paused again if the site restarts it). Everything is put back afterwards.
 */
const LOCK_STYLE = 'overflow:hidden!important;';
/** How many elements the lock looks through for players inside open shadow roots. */
const MAX_ELEMENTS_SEARCHED = 20_000;

/** The page's open shadow roots (players built as web components), found once when it locks. */
function openShadowRoots(doc: Document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const pending: (Document | ShadowRoot)[] = [doc];
  let searched = 0;
  while (pending.length > 0 && searched < MAX_ELEMENTS_SEARCHED) {
    const root = pending.pop() as Document | ShadowRoot;
    for (const element of root.querySelectorAll('*')) {
      searched += 1;
      const shadow = element.shadowRoot;
      // Our own UI is not the page's media.
      if (shadow && !element.tagName.startsWith('OUTSIDE-THE-FRAME')) {
        found.push(shadow);
        pending.push(shadow);
      }
      if (searched >= MAX_ELEMENTS_SEARCHED) break;
    }
  }
  return found;
}

export class PageLock {
  private saved: { element: HTMLElement; style: string | null }[] = [];
  /** Where `play` is watched: the document and the open shadow roots found at lock time. */
  private watched: (Document | ShadowRoot)[] = [];
  private locked = false;

  constructor(private readonly doc: Document = document) {}

  private readonly stopMedia = (event: Event) => {
    const target = event.target;
    if (target instanceof HTMLMediaElement) target.pause();
  };

  private readonly stopScroll = (event: Event) => {
    // Our own UI (inside its shadow host) may still scroll; the page may not.
    const path = event.composedPath();
    if (path.some((node) => node instanceof HTMLElement && node.tagName.startsWith('OUTSIDE-THE-FRAME'))) return;
    event.preventDefault();
  };

  lock(): void {
    if (this.locked) return;
    this.locked = true;
    const html = this.doc.documentElement;
    const body = this.doc.body;
    // A hostile stylesheet (`* { display: none !important }`) must not hide the screen with the page.
    for (const element of [html, body]) {
      if (!element) continue;
      this.saved.push({ element, style: element.getAttribute('style') });
      const extra =
        element === html
          ? `${LOCK_STYLE}display:block!important;visibility:visible!important;opacity:1!important;`
          : LOCK_STYLE;
      element.setAttribute('style', `${element.getAttribute('style') ?? ''};${extra}`);
    }
    // `play` does not cross shadow boundaries, so each open shadow root is watched too.
    this.watched = [this.doc, ...openShadowRoots(this.doc)];
    for (const root of this.watched) {
      for (const media of root.querySelectorAll('video, audio')) {
        if (media instanceof HTMLMediaElement) media.pause();
      }
      root.addEventListener('play', this.stopMedia, true);
    }
    this.doc.addEventListener('wheel', this.stopScroll, { capture: true, passive: false });
    this.doc.addEventListener('touchmove', this.stopScroll, { capture: true, passive: false });
  }

  unlock(): void {
    if (!this.locked) return;
    this.locked = false;
    for (const { element, style } of this.saved) {
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
    this.saved = [];
    for (const root of this.watched) root.removeEventListener('play', this.stopMedia, true);
    this.watched = [];
    this.doc.removeEventListener('wheel', this.stopScroll, { capture: true });
    this.doc.removeEventListener('touchmove', this.stopScroll, { capture: true });
  }
}
