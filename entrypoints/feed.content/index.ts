import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '@/utils/sites/registry';
import { activityReporting } from './activity';
import { boundaries } from './boundary';
import { reminders } from './nudges';
import { postFeatures } from './posts';
import { runPage } from './runner';

// Runs on every page of the built-in sites: time counts everywhere on a site; each feature
// says where it runs (the whole site, or feed pages only) and the runner keeps to it.
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_start',
  main(ctx) {
    runPage(ctx, [activityReporting, boundaries, postFeatures, reminders]);
  },
});
