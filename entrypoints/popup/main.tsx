import { render } from 'preact';
import '@/components/theme.css';
import '@/components/forms.css';
import '@/components/journal.css';
import '@/components/reflection.css';
import './style.css';
import { nameThisPage } from '@/utils/i18n';
import { PopupApp } from './PopupApp';

nameThisPage('popupPageTitle');
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
