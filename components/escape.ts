/**
 * Esc for the cards drawn on a site: Esc anywhere on the page closes the card, unless she is
 * typing somewhere on the site (then Esc is the site's). Inside a shadow root `event.target` is
 * the host, so the real target is the first in the event's path.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { isEditable } from './typing';

export function useEscape(root: RefObject<HTMLElement | null>, active: boolean, onEscape: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      const target = event.composedPath()[0] ?? event.target;
      const inside = target instanceof Node && root.current?.contains(target) === true;
      if (!inside && isEditable(target)) return;
      if (inside) event.preventDefault();
      onEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active, onEscape, root]);
}
