/**
 * The first-run page: opened once by the background when the extension is installed, and from
 * the dashboard later (see `components/Welcome.tsx`).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import '@/components/forms.css';
import './style.css';
import { Welcome } from '@/components/Welcome';
import { nameThisPage } from '@/utils/i18n';
import { builtInSiteAccess } from '@/utils/sites/access';
import { loadSettings, updateSettings } from '@/utils/storage/settingsStorage';

nameThisPage('welcomeTitle');

const root = document.getElementById('app');
if (root) {
  const { settings } = await loadSettings();
  render(
    <Welcome
      settings={settings}
      save={async (change) => {
        await updateSettings(change);
      }}
      access={builtInSiteAccess}
      browserName={import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome'}
      openDashboard={() => void browser.runtime.openOptionsPage()}
      close={() => window.close()}
      firstRun={new URLSearchParams(location.search).has('first')}
    />,
    root,
  );
}
