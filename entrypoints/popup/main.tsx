import { render } from 'preact';
import '@/components/theme.css';
import '@/components/forms.css';
import '@/components/journal.css';
import '@/components/reflection.css';
import './style.css';
import { nameThisPage } from '@/utils/i18n';
import { takeEarlyRead } from '@/utils/storage/earlyRead';
import { loadPopupData, PopupApp, type PopupData } from './PopupApp';

/** How long the first drawing waits for storage before it shows "Loading…" instead. */
const WAIT_FOR_STORAGE_MS = 150;

// Storage is read from the first moment — by the popup's first script, while this code was
// still loading, when it has run — and the popup is first drawn with what it holds: one layout
// of today's numbers, not a frame of "Loading…" before them (unless storage is slow).
const data = loadPopupData(Date.now(), undefined, takeEarlyRead());
nameThisPage('popupPageTitle');
const root = document.getElementById('app');
let drawn = false;
const slowStorage = setTimeout(() => draw(), WAIT_FOR_STORAGE_MS);
function draw(loaded?: PopupData) {
  if (drawn || !root) return;
  drawn = true;
  clearTimeout(slowStorage);
  render(<PopupApp load={() => data} loaded={loaded} />, root);
}
data.then(draw, () => draw());
