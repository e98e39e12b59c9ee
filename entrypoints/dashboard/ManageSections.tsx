/**
 * The dashboard's sections for managing what the extension keeps: the boundary editor, the
 * accounts, her whole journal, and her data (export, import, delete all). Loaded after the
 * first chart is drawn (their scripts, the search index and the import checks among them, are
 * the larger part of the page's).
 */
import { type Dispatch, type StateUpdater, useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountsPanel } from '@/components/AccountsPanel';
import { BoundarySettingsForm } from '@/components/BoundarySettingsForm';
import { ExportPanel } from '@/components/ExportPanel';
import { ImportPanel } from '@/components/ImportPanel';
import { JournalHistory } from '@/components/JournalHistory';
import { ReminderSettings } from '@/components/ReminderSettings';
import { type SitePermissions, SitesPanel } from '@/components/SitesPanel';
import { sendMessage } from '@/utils/messaging/client';
import { userSiteMatches } from '@/utils/sites/userSites';
import { readImport } from '@/utils/storage/importData';
import type { Settings } from '@/utils/storage/settings';
import { saveSettings } from '@/utils/storage/settingsStorage';
import { type DashboardData, exportAll, loadJournal, siteName } from './DashboardApp';

/** The browser's permission for each site she adds: that site and its subdomains, nothing more. */
const sitePermissions: SitePermissions = {
  contains: (domain) => browser.permissions.contains({ origins: userSiteMatches(domain) }),
  request: (domain) => browser.permissions.request({ origins: userSiteMatches(domain) }),
  remove: async (domain) => {
    await browser.permissions.remove({ origins: userSiteMatches(domain) });
  },
  watch: (onChange) => {
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  },
};

export interface ManageSectionsProps {
  data: DashboardData | undefined;
  setData: Dispatch<StateUpdater<DashboardData | undefined>>;
  /** Read the dashboard again (after everything was deleted). */
  reload(): void;
}

export function ManageSections({ data, setData, reload }: ManageSectionsProps) {
  // Opened from the popup's "Edit boundaries": go to the editor once it is drawn.
  const ready = data?.settings !== undefined;
  useEffect(() => {
    if (!ready || location.hash !== '#boundaries') return;
    const editor = document.getElementById('boundaries');
    const heading = editor?.querySelector<HTMLElement>('h2');
    editor?.scrollIntoView();
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }, [ready]);

  return (
    <>
      {data?.settings ? (
        <div class="card" id="boundaries">
          <BoundarySettingsForm
            settings={data.settings}
            onSave={async (settings) => {
              await saveSettings(settings);
              setData((current) => (current ? { ...current, settings } : current));
            }}
          />
        </div>
      ) : null}
      {data?.settings ? (
        <div class="card">
          <ReminderSettings
            settings={data.settings}
            onSave={async (settings) => {
              await saveSettings(settings);
              setData((current) => (current ? { ...current, settings } : current));
            }}
            checkInsOn={data.checkInsOn}
            setCheckIns={async (on) => {
              if (!(await sendMessage('checkin/off', { off: !on }))?.ok)
                throw new Error('checkin/off was not carried out');
            }}
          />
        </div>
      ) : null}
      {data?.settings ? (
        <SitesPanel
          sites={data.settings.sites}
          save={async (sites) => {
            const settings = { ...(data.settings as Settings), sites };
            await saveSettings(settings);
            setData((current) => (current ? { ...current, settings } : current));
          }}
          permissions={sitePermissions}
        />
      ) : null}
      {data ? (
        <AccountsPanel
          accounts={data.accounts ?? null}
          siteName={siteName}
          act={async (site, handle, action) => {
            const reply = await sendMessage('accounts/act', { site, handle, action });
            if (!reply?.ok) throw new Error('accounts/act was not carried out');
            return reply.accounts;
          }}
          saveWords={async (words) => {
            const reply = await sendMessage('accounts/triggerWords', { words });
            if (!reply?.ok) throw new Error('accounts/triggerWords was not carried out');
            return reply.accounts;
          }}
        />
      ) : null}
      <JournalHistory
        load={() => loadJournal()}
        edit={(entry, text) => sendMessage('journal/edit', { day: entry.day, id: entry.id, text })}
        remove={async (entry) => (await sendMessage('journal/delete', { day: entry.day, id: entry.id }))?.ok === true}
      />
      <ExportPanel
        onExport={() => exportAll()}
        onDeleteAll={async () => {
          const done = (await sendMessage('data/deleteAll', {}))?.ok === true;
          if (done) reload();
          return done;
        }}
      >
        <ImportPanel
          read={(text) => readImport(text, data?.settings?.tracking.dayStartHour)}
          apply={(text, mode) => sendMessage('data/import', { text, mode })}
          onImported={() => location.reload()}
        />
      </ExportPanel>
    </>
  );
}
