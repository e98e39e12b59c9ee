import { render } from 'preact';
import '@/components/theme.css';
import '@/components/forms.css';
import '@/components/journal.css';
import '@/components/reflection.css';
import './style.css';
import { nameThisPage } from '@/utils/i18n';
import { loadPopupData, PopupApp } from './PopupApp';

// Storage is read from the first moment, not after a first paint of "Loading…".
const data = loadPopupData();
nameThisPage('popupPageTitle');
const root = document.getElementById('app');
if (root) render(<PopupApp load={() => data} />, root);
