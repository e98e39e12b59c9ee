/** Bounds on what a page sends to be classified (shared by the page and the protocol). Pure. */

/** Post texts classified in one request, at most. */
export const MAX_TEXTS_PER_REQUEST = 100;
/** Characters of one post's text that are classified (captions longer than this are cut). */
export const MAX_TEXT_LENGTH = 2_000;
