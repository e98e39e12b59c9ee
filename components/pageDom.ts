/**
 * Plain DOM for the little the site's page script draws itself — the plain boundary screen, the
 * quiet warning, a card's frame. No framework there: that script's size is budgeted, and these
 * are drawn whole each time they change.
 */

/** `tag` made in `doc` with `attributes` and `children` (text or elements). */
export function element<Tag extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: Tag,
  attributes: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[Tag] {
  const made = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}
