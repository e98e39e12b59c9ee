/**
 * Where Esc must stay with the site: she is typing somewhere on it. Inside a shadow root
 * `event.target` is the host, so callers pass the first element in the event's path.
 */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}
