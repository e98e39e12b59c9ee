/**
 * The boundary screen as the site's page holds it: the screen itself is an extension page
 * (boundary.html) in a frame, shown once it has loaded. Beneath it, a plain screen of the same
 * boundary with Leave: what she sees for the moment the frame takes to load, and all she needs
 * on a page that keeps tearing our frame out before it can load. Presentational: the content
 * script draws it in a shadow root and supplies Leave.
 */
import { t } from '@/utils/i18n';
import { element } from './pageDom';
import { type BoundaryWords, boundaryHeading, boundaryText } from './text/boundary';

/** The plain screen's fade-in (overlay.css): its delay and its length. */
export const FADED_IN_MS = 600;

export interface ScreenFrameProps extends BoundaryWords {
  /** The screen's address; empty where the site may not frame it (the plain screen is then all). */
  src: string;
  onLeave(): void;
}

/** The plain screen's parts, its words filled in by `drawScreenFrame`. */
function plainScreen(doc: Document): HTMLElement {
  const plain = element(
    doc,
    'div',
    { class: 'otf-fallback', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'otf-fallback-heading' },
    element(doc, 'h1', { id: 'otf-fallback-heading' }),
    element(doc, 'p'),
    element(doc, 'button', { type: 'button' }),
  );
  // Its fade-in is over by then; putting the screen back would start it again (see overlay.css).
  setTimeout(() => plain.classList.add('otf-settled'), FADED_IN_MS);
  return plain;
}

/**
 * Draws the screen into `container` (connected to the page): each drawing is a new address or a
 * frame put back after the page took it out, so a new frame loads, and the plain screen stands
 * until it has. A plain screen still standing is kept, its words brought up to date, and once
 * faded in it stays so: a page that keeps tearing the screen out must not keep it faded out.
 */
export function drawScreenFrame(container: HTMLElement, props: ScreenFrameProps): void {
  const doc = container.ownerDocument;
  const plain =
    container.querySelector<HTMLElement>(':scope > .otf-fallback') ?? container.appendChild(plainScreen(doc));
  for (const child of [...container.children]) if (child !== plain) child.remove();
  plain.querySelector('h1')?.replaceChildren(boundaryHeading(props));
  plain.querySelector('p')?.replaceChildren(boundaryText(props));
  const leave = plain.querySelector('button');
  leave?.replaceChildren(t('boundaryLeave', props.siteName));
  if (leave) leave.onclick = () => props.onLeave();
  if (!props.src) {
    leave?.focus();
    return;
  }
  const frame = element(doc, 'iframe', { class: 'otf-frame', src: props.src, title: t('boundaryFrameTitle') });
  frame.addEventListener('load', () => {
    frame.classList.add('otf-loaded');
    plain.remove();
    // Keys go to the screen at once (it focuses its Leave button inside).
    frame.focus();
  });
  container.append(frame);
}
