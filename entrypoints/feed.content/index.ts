import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '@/utils/sites/registry';
import { startActivityReporting } from './activity';
import { startBoundaries } from './boundary';
import { startNudges } from './nudges';

// Runs on every page of the built-in sites: time counts everywhere on a site, while
// feed-only features decide for themselves (isFeedUrl) whether to act.
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_start',
  main(ctx) {
    const { tracker, report } = startActivityReporting(ctx);
    const boundaries = startBoundaries(ctx, tracker, report);
    startNudges(ctx, tracker, boundaries.shown);
  },
});
