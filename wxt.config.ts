import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { contentScriptMatches } from './utils/sites/registry';

/**
 * The ledger's code (the popup loads it only when today's published totals are missing; the
 * dashboard always): kept out of the shared file the popup opens with.
 */
const LEDGER = /utils\/storage\/ledgerStore\.ts|node_modules\/idb-keyval/;

/** Code only the dashboard runs: its own modules, its charts (d3) and journal search. */
const DASHBOARD_ONLY =
  /entrypoints\/dashboard\/|node_modules\/(d3-|internmap|minisearch)|components\/(StackedBars|\w+Chart|WeekTable|InsightsCard|JournalHistory)\.tsx|utils\/insights\//;

/**
 * The popup's own style sheet written into popup.html itself: each file an extension page loads
 * is one more request before the page can run, and the popup must open at once. (Extension
 * pages allow inline styles; only scripts must come from files.) A sheet anything else names —
 * another page, or a script that may load it later — stays a file and a link, so it is never
 * added to the page a second time.
 */
function popupStylesInline(): Plugin {
  return {
    name: 'outside-the-frame:popup-styles-inline',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['entrypoints/popup/index.html'];
      if (page?.type !== 'asset' || typeof page.source !== 'string') return;
      const others = Object.values(bundle).filter((output) => output !== page);
      const named = (file: string) =>
        others.some((other) => (other.type === 'chunk' ? other.code : String(other.source)).includes(file));
      page.source = page.source.replace(
        /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
        (link, file: string) => {
          const sheet = bundle[file];
          if (sheet?.type !== 'asset' || named(file)) return link;
          delete bundle[file];
          return `<style>${String(sheet.source).trim()}</style>`;
        },
      );
    },
  };
}

// Both browsers build as Manifest V3 (WXT would default Firefox to MV2).
export default defineConfig({
  manifestVersion: 3,
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact(), popupStylesInline()],
    // The browsers we support (Chrome 123+, Firefox 140+) read light-dark() and modern syntax
    // as written: no fallbacks shipped in the page's script.
    build: { target: ['chrome123', 'firefox140'], cssTarget: ['chrome123', 'firefox140'] },
  }),
  hooks: {
    // The extension's pages (popup, dashboard, cards…) load their code from disk, where each file
    // costs a request: everything two or more of them use goes into one shared file, so the popup
    // opens with two scripts instead of fifteen. (The background and the page script are single
    // files already.)
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.inputPath.endsWith('.html'))) return;
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      const output = config.build.rolldownOptions.output;
      if (Array.isArray(output)) return;
      config.build.rolldownOptions.output = {
        ...output,
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            // The dashboard's charts and search stay out of the shared file the popup loads.
            { name: 'dashboard-parts', test: DASHBOARD_ONLY },
            { name: 'ledger', test: LEDGER },
            { name: 'shared', test: /./, minShareCount: 2 },
          ],
        },
      };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    // contextMenus: "This made me feel worse" on the feed sites' pages.
    // scripting: the page script runs on sites she adds, registered when she adds them.
    permissions: ['storage', 'alarms', 'contextMenus', 'scripting'],
    host_permissions: contentScriptMatches(),
    // Sites she adds: each asked for by its address, at the moment she adds it, never up front.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'felt-worse': {
        description: '__MSG_commandFeltWorse__',
        suggested_key: { default: 'Alt+Shift+W' },
      },
    },
    // The boundary screen and the cards (reminder, check-in, mute suggestion) are extension
    // pages in frames on the feed sites: the site can't read or script them (her reflection is
    // written there), and their keys never reach the site.
    web_accessible_resources: [
      { resources: ['boundary.html', 'checkin.html', 'mute.html', 'nudge.html'], matches: contentScriptMatches() },
    ],
    // The dashboard doubles as the options page.
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'outside-the-frame@outside-the-frame.app',
              // Firefox ESR 140, the first to read data_collection_permissions on desktop.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // On Android that key is read from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
