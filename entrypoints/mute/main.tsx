/**
 * The mute suggestion, on its own page in a small frame in the feed's bottom-right corner (see
 * `components/framePage.ts`). The page's script puts the suggestion in the address (site,
 * account, theme); this page finds the words, the site's own steps and the account's page, and
 * tells the frame's parent her choice, which the page's script carries out (the background acts
 * only on what a feed page's own top frame sends).
 */
import { render } from 'preact';
import '@/components/nudge.css';
import { framePage } from '@/components/framePage';
import { MuteCard } from '@/components/MuteCard';
import { muteWords } from '@/components/text/mute';
import { accountPage } from '@/utils/sites/accountPages';
import { getSite } from '@/utils/sites/registry';

const query = new URLSearchParams(location.search);
const site = getSite(query.get('site') ?? '');
const handle = query.get('handle') ?? '';
const theme = query.get('theme') ?? undefined;

const frame = framePage('muteFrameTitle');
const root = document.getElementById('app');
if (root && site && handle) {
  const { themeText, steps } = muteWords({ site: site.id, theme });
  render(
    <MuteCard
      account={query.get('name') || `@${handle}`}
      themeText={themeText}
      siteName={site.name}
      muteSteps={steps}
      accountUrl={accountPage(site.id, handle)}
      onChoice={frame.done}
    />,
    root,
  );
} else frame.done('closed');
