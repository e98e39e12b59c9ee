/**
 * The popup's first script: starts reading storage while the popup's own code is still loading
 * (see utils/storage/earlyRead.ts). Loaded `async` by popup.html, so it never holds the page up.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyRead } from '@/utils/storage/earlyRead';

export default defineUnlistedScript(() => startEarlyRead());
