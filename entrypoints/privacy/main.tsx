/** The privacy policy (PRIVACY.md, the same text as in the repository), inside the extension. */
import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { Markdown } from '@/components/Markdown';
import { nameThisPage } from '@/utils/i18n';
import policy from '../../PRIVACY.md?raw';

nameThisPage('privacyTitle');
const root = document.getElementById('app');
if (root) {
  render(
    <main class="privacy">
      <Markdown source={policy} />
    </main>,
    root,
  );
}
