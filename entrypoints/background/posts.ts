/**
 * The background's side of mute suggestions: it adds what pages saw to the exposure ledger,
 * decides when an account is worth a suggestion (utils/mute/accounts.ts), and is the only writer
 * of her decisions about accounts (the `accounts` item pages read to hide posts) and of which
 * sites' post detection needs an update. Pages and the popup ask; the core decides.
 */

import type { Handlers, MessageSender } from '@/utils/messaging/router';
import {
  type AccountsState,
  applyAccountAction,
  emptyAccounts,
  noteSuggested,
  SUGGEST_WINDOW_DAYS,
  type Suggestion,
  suggestionFor,
  withTriggerWords,
} from '@/utils/mute/accounts';
import { type PostClassifier, postClassifier } from '@/utils/mute/classify';
import { accountKey, addSightings, EXPOSURE_KEEP_DAYS, exposureByAccount } from '@/utils/mute/exposure';
import { getSite } from '@/utils/sites/registry';
import { saveItem } from '@/utils/storage/itemStore';
import { accounts as accountsItem, postDetection } from '@/utils/storage/items';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { type DayKey, dayKeyOf, recentDayKeys } from '@/utils/time/day';
import { topFrameSite } from './senders';
import { createSerialQueue } from './serial';
import type { ItemReader } from './storedItems';

interface PostsDeps {
  /** The browser's UI language: which word lists classify posts. */
  language: () => string;
  ledger: LedgerStore;
  items: ItemReader;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Whether a message came from one of the extension's own pages (the popup, the dashboard). */
  fromOwnPage: (sender: MessageSender) => boolean;
  /** Comparison-trap posts a page of `site` saw (for the session running there). */
  onTrapPosts?: (site: string, count: number) => void;
}

export function createPosts({ ledger, items, now, settings, fromOwnPage, language, onTrapPosts }: PostsDeps) {
  const serial = createSerialQueue();
  /** The classifier with her words, made again only when her words change. */
  let classifier: { words: string; classify: PostClassifier } | undefined;
  let prunedBefore: DayKey | undefined;

  const readAccounts = async (): Promise<AccountsState> => (await items.read(accountsItem)) ?? emptyAccounts();

  async function lastWeek(site: string, handles: readonly string[]) {
    const hour = (await settings()).tracking.dayStartHour;
    const days = recentDayKeys(now(), SUGGEST_WINDOW_DAYS, hour);
    const { records } = await ledger.readRange('exposure', days[0] as DayKey, days[days.length - 1] as DayKey);
    const totals = exposureByAccount(records.values());
    return new Map(handles.map((handle) => [handle, totals.get(accountKey(site, handle))]));
  }

  /** Exposure older than 30 days goes, once per day. */
  async function prune(hour: number): Promise<void> {
    const oldestKept = recentDayKeys(now(), EXPOSURE_KEEP_DAYS, hour)[0] as DayKey;
    if (prunedBefore === oldestKept) return;
    await ledger.deleteDaysBefore('exposure', oldestKept);
    prunedBefore = oldestKept;
  }

  async function act(
    target: { site: string; handle: string; name?: string },
    action: Parameters<typeof applyAccountAction>[2],
  ): Promise<AccountsState> {
    const next = applyAccountAction(await readAccounts(), target, action, now());
    await saveItem(accountsItem, next);
    return next;
  }

  const handlers: Pick<
    Handlers,
    | 'posts/seen'
    | 'posts/classify'
    | 'posts/markWorse'
    | 'posts/act'
    | 'posts/detection'
    | 'accounts/act'
    | 'accounts/triggerWords'
  > = {
    'posts/classify': async ({ texts }, sender) => {
      if (!topFrameSite(sender)) return { verdicts: [] };
      const words = (await readAccounts()).triggerWords;
      const key = words.join('\n');
      if (classifier?.words !== key) classifier = { words: key, classify: postClassifier(words, language()) };
      const { classify } = classifier;
      return {
        verdicts: texts.map((text) => {
          const { trap, themes } = classify(text);
          return { trap, themes: [...themes] };
        }),
      };
    },
    'posts/seen': ({ sightings }, sender) =>
      serial(async () => {
        const site = topFrameSite(sender);
        if (!site || sightings.length === 0) return { suggestion: null };
        const hour = (await settings()).tracking.dayStartHour;
        const at = now();
        await ledger.updateDay('exposure', dayKeyOf(at, hour), at, (record) =>
          addSightings(record, site.id, sightings, at),
        );
        await prune(hour).catch(console.error);
        const withTraps = sightings.filter((sighting) => sighting.trapPosts > 0);
        onTrapPosts?.(
          site.id,
          withTraps.reduce((sum, sighting) => sum + sighting.trapPosts, 0),
        );
        // Only seconds on screen this time: no account came nearer a suggestion.
        if (withTraps.length === 0) return { suggestion: null };
        const state = await readAccounts();
        const exposure = await lastWeek(
          site.id,
          withTraps.map((sighting) => sighting.handle),
        );
        let suggestion: Suggestion | null = null;
        for (const sighting of withTraps) {
          const candidate = suggestionFor(state, exposure.get(sighting.handle), { site: site.id, ...sighting }, at);
          if (candidate && (!suggestion || candidate.trapPosts > suggestion.trapPosts)) suggestion = candidate;
        }
        if (suggestion) await saveItem(accountsItem, noteSuggested(state, suggestion, at));
        return { suggestion };
      }),
    'posts/markWorse': ({ handle, name }, sender) =>
      serial(async () => {
        const site = topFrameSite(sender);
        if (!site) return { suggestion: null };
        const target = { site: site.id, handle, name };
        const at = now();
        const marked = applyAccountAction(await readAccounts(), target, 'mark', at);
        const exposure = (await lastWeek(site.id, [handle])).get(handle);
        const suggestion = suggestionFor(marked, exposure, target, at, { justMarked: true });
        // One write: the mark, and that its suggestion showed.
        await saveItem(accountsItem, suggestion ? noteSuggested(marked, suggestion, at) : marked);
        return { suggestion };
      }),
    'posts/act': ({ handle, name, action }, sender) =>
      serial(async () => {
        const site = topFrameSite(sender);
        if (!site) return { ok: false };
        await act({ site: site.id, handle, name }, action);
        return { ok: true };
      }),
    'posts/detection': ({ working }, sender) =>
      serial(async () => {
        const site = topFrameSite(sender);
        if (!site) return { ok: false };
        const stale = { ...(await items.read(postDetection)) };
        if (working === (stale[site.id] === undefined)) return { ok: true };
        if (working) delete stale[site.id];
        else stale[site.id] = now();
        await saveItem(postDetection, stale);
        return { ok: true };
      }),
    'accounts/act': ({ site, handle, action }, sender) =>
      serial(async () => {
        if (!fromOwnPage(sender) || !getSite(site)) return { ok: false, accounts: await readAccounts() };
        return { ok: true, accounts: await act({ site, handle }, action) };
      }),
    'accounts/triggerWords': ({ words }, sender) =>
      serial(async () => {
        if (!fromOwnPage(sender)) return { ok: false, accounts: await readAccounts() };
        const next = withTriggerWords(await readAccounts(), words);
        await saveItem(accountsItem, next);
        return { ok: true, accounts: next };
      }),
  };

  /**
   * Hide (or show again) these accounts on a site, in the queue every change to accounts goes
   * through; resolves to the handles whose state changed (one already hidden is not hidden again).
   */
  function setHidden(site: string, handles: readonly string[], hide: boolean): Promise<string[]> {
    return serial(async () => {
      let state = await readAccounts();
      const changed: string[] = [];
      for (const handle of handles) {
        const mark = state.accounts.find(
          (candidate) => candidate.site === site && candidate.handle.toLowerCase() === handle.toLowerCase(),
        );
        if ((mark?.hiddenAt !== undefined) === hide) continue;
        state = applyAccountAction(state, { site, handle }, hide ? 'hide' : 'unhide', now());
        changed.push(handle);
      }
      if (changed.length > 0) await saveItem(accountsItem, state);
      return changed;
    });
  }

  return { handlers, setHidden, readAccounts };
}
