/**
 * While the boundary screen is up, the site underneath holds still: no scrolling, media
 * paused (and paused again if the site restarts it). Everything is put back afterwards.
 */
const LOCK_STYLE = 'overflow:hidden!important;';

export class PageLock {
  private saved: { element: HTMLElement; style: string | null }[] = [];
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
    for (const media of this.doc.querySelectorAll('video, audio')) {
      if (media instanceof HTMLMediaElement) media.pause();
    }
    this.doc.addEventListener('play', this.stopMedia, true);
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
    this.doc.removeEventListener('play', this.stopMedia, true);
    this.doc.removeEventListener('wheel', this.stopScroll, { capture: true });
    this.doc.removeEventListener('touchmove', this.stopScroll, { capture: true });
  }
}
