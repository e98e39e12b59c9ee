import { render } from 'preact';
import '@/components/theme.css';
import '@/components/forms.css';
import '@/components/journal.css';
import './style.css';
import { DashboardApp } from './DashboardApp';

const root = document.getElementById('app');
if (root) render(<DashboardApp />, root);
