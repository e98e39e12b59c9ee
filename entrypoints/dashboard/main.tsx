import { render } from 'preact';
import '@/components/theme.css';
import '@/components/forms.css';
import '@/components/journal.css';
import './style.css';
import { nameThisPage } from '@/utils/i18n';
import { DashboardApp } from './DashboardApp';

nameThisPage('dashboardPageTitle');
const root = document.getElementById('app');
if (root) render(<DashboardApp />, root);
