/**
 * A host for what we draw on a site: a shadow root (the site's CSS can't
 * reach inside), attached to <html> rather than <body>, put back at once if the page removes
 * it, with its own inline `!important` styles put back if the page rewrites them. The
 * full-page variant also goes into the top layer (popover) where supported, so no z-index
 * on the page can cover it.
 */

export interface OverlayHostOptions {
  /** Custom element name of the host (kebab-case). */
  name: string;
  css: string;
  /** Full-page (boundary screen) or a corner card (notice, reminder). */
  fullPage: boolean;
  /** Which bottom corner a card sits in (default right). */
  corner?: 'left' | 'right';
  /** Called after the page took the host out and it was put back (a frame inside has reloaded). */
  onReattach?(): void;
}

/** What both kinds of host hold to, whatever the page's styles say. */
const HOST_STYLE =
  'display:block;position:fixed;margin:0;padding:0;border:0;visibility:visible;opacity:1;transform:none;' +
  'filter:none;clip-path:none;pointer-events:auto;overflow:visible';
const important = (declarations: string) => `${declarations.replaceAll(';', '!important;')}!important`;

const FULL_PAGE_STYLE = important(
  `${HOST_STYLE};inset:0;width:100vw;height:100vh;max-width:none;max-height:none;background:transparent;z-index:2147483647`,
);

const CORNER_STYLE = important(`${HOST_STYLE};right:0;bottom:0;width:auto;height:auto;z-index:2147483646`);

const MAX_IMMEDIATE_REPAIRS_PER_SECOND = 60;
const BACKED_OFF_REPAIR_MS = 250;

/** Keys typed in our UI must not reach the site's own shortcuts (j/k, space to scroll...). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'wheel'] as const;

export class OverlayHost {
  private host: HTMLElement | undefined;
  private container: HTMLElement | undefined;
  private observer: MutationObserver | undefined;
  /** Repairs in the current second: a page fighting back in a loop must not freeze itself. */
  private repairs = { second: 0, count: 0 };
  private repairTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly style: string;

  constructor(
    private readonly options: OverlayHostOptions,
    private readonly doc: Document = document,
  ) {
    this.style = options.fullPage
      ? FULL_PAGE_STYLE
      : options.corner === 'left'
        ? CORNER_STYLE.replace('right:0!important', 'left:0!important')
        : CORNER_STYLE;
  }

  get mounted(): boolean {
    return this.host !== undefined;
  }

  /** Draw into the host's container, mounted first if needed (and so on the page when `draw` runs). */
  render(draw: (container: HTMLElement) => void): void {
    if (!this.container) this.mount();
    if (this.container) draw(this.container);
  }

  private mount(): void {
    const host = this.doc.createElement(this.options.name);
    host.setAttribute('style', this.style);
    // Open, not closed: screen readers' and audit tools' view of it must work the same as ours;
    // the page's CSS still can't reach inside, and removal or restyling of the host is repaired.
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = `:host{all:initial!important}\n${this.options.css}`;
    const container = this.doc.createElement('div');
    shadow.append(style, container);
    for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    this.host = host;
    this.container = container;
    this.attach();
    this.observer = new MutationObserver(() => this.scheduleRepair());
    this.observer.observe(this.doc.documentElement, { childList: true });
    this.observer.observe(host, { attributes: true });
  }

  private attach(): void {
    const host = this.host;
    if (!host) return;
    this.doc.documentElement.append(host);
    if (this.options.fullPage && 'showPopover' in host) {
      try {
        host.setAttribute('popover', 'manual');
        (host as HTMLElement & { showPopover(): void }).showPopover();
      } catch {
        // Top layer unavailable: the fixed position and z-index still cover the page.
      }
    }
  }

  private scheduleRepair(): void {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.repairs.second) this.repairs = { second, count: 0 };
    this.repairs.count += 1;
    if (this.repairs.count <= MAX_IMMEDIATE_REPAIRS_PER_SECOND) {
      this.repair();
    } else {
      this.repairTimer ??= setTimeout(() => {
        this.repairTimer = undefined;
        this.repair();
      }, BACKED_OFF_REPAIR_MS);
    }
  }

  /** The page removed our host or rewrote its attributes: put things back as they were. */
  private repair(): void {
    const host = this.host;
    if (!host) return;
    if (host.getAttribute('style') !== this.style) host.setAttribute('style', this.style);
    if (host.hasAttribute('hidden')) host.removeAttribute('hidden');
    if (!host.isConnected) {
      this.attach();
      this.options.onReattach?.();
    }
  }

  unmount(): void {
    clearTimeout(this.repairTimer);
    this.repairTimer = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    this.host?.remove();
    this.host = undefined;
    this.container = undefined;
  }
}
