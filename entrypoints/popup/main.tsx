import { render } from 'preact';
import '@/components/theme.css';
import '@/components/forms.css';
import '@/components/journal.css';
import '@/components/reflection.css';
import './style.css';
import { PopupApp } from './PopupApp';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
