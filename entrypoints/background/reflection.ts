/**
 * The background's side of the one-click boundary reflection: what the flow needs to know of
 * the moment, and one Save that writes the journal entry and applies its boundary together,
 * both or neither. The boundary goes first (a limit, a feed-free time, hidden accounts, the rest
 * of today feed-free); when it can't be applied nothing is written, and when the entry can't be
 * written the boundary is taken back, so no entry claims a boundary that isn't there and no
 * boundary stays without its entry. Undo takes the boundary back and leaves the entry, without
 * its claim.
 */
import { type AppliedBoundary, entryHasContent, MAX_ENTRY_CHARS, MAX_FED_CHARS } from '@/utils/journal/entries';
import {
  applyToSettings,
  type BoundaryChoice,
  type FeedFreePreset,
  MAX_HIDE,
  type ReflectionContext,
  undoInSettings,
} from '@/utils/journal/reflection';
import type { ReflectionRefusal, ReflectionReply } from '@/utils/messaging/protocol';
import type { Handlers, MessageSender } from '@/utils/messaging/router';
import { getSite } from '@/utils/sites/registry';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import type { Settings } from '@/utils/storage/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settingsStorage';
import { dayKeyOf, isDayKey, nextDayStartAfter } from '@/utils/time/day';
import type { createJournal } from './journal';
import type { createPosts } from './posts';
import { topFrameSite } from './senders';
import { createSerialQueue } from './serial';

interface ReflectionDeps {
  ledger: LedgerStore;
  now: () => number;
  settings: () => Promise<Settings>;
  fromOwnPage: (sender: MessageSender) => boolean;
  journal: ReturnType<typeof createJournal>;
  posts: Pick<ReturnType<typeof createPosts>, 'setHidden' | 'readAccounts'>;
  setRestOfDay: (on: boolean) => Promise<void>;
  /** The name a preset feed-free time gets in her list ("Evenings"). */
  presetLabel: (preset: FeedFreePreset) => string;
  /** Open the popup with the reflection for `site` (a tab where the popup can't open). */
  openReflection: (site: string) => Promise<void>;
}

const refuse = (reason: ReflectionRefusal): ReflectionReply => ({ ok: false, reason });

export function createReflection(deps: ReflectionDeps) {
  const { ledger, now, settings, fromOwnPage, journal, posts } = deps;
  const serial = createSerialQueue();

  /** Settings as stored now, for a change: refused when the stored copy can't be read (never overwritten). */
  async function storedSettings(): Promise<Settings> {
    const loaded = await loadSettings();
    if (loaded.problem) throw new Error('Stored settings could not be read; they are left as they are');
    return loaded.settings;
  }

  /** Apply `choice`: what was applied (undefined when nothing needed doing), or why not. */
  async function apply(
    choice: BoundaryChoice,
  ): Promise<{ applied?: AppliedBoundary } | { refused: ReflectionRefusal }> {
    switch (choice.kind) {
      case 'hide-accounts': {
        if (!getSite(choice.site)) return { refused: 'boundary-failed' };
        const handles = await posts.setHidden(choice.site, choice.handles.slice(0, MAX_HIDE), true);
        return handles.length > 0 ? { applied: { kind: 'hide-accounts', site: choice.site, handles } } : {};
      }
      case 'feed-free-tonight': {
        await deps.setRestOfDay(true);
        const hour = (await settings()).tracking.dayStartHour;
        return { applied: { kind: 'feed-free-tonight', until: nextDayStartAfter(now(), hour) } };
      }
      default: {
        if (choice.kind === 'site-limit' && !getSite(choice.site)) return { refused: 'boundary-failed' };
        const label = choice.kind === 'feed-free-time' ? deps.presetLabel(choice.preset) : '';
        const result = applyToSettings(await storedSettings(), choice, `reflect-${now().toString(36)}`, label);
        if ('refused' in result) return result;
        await saveSettings(result.settings);
        return { applied: result.applied };
      }
    }
  }

  /** Take an applied boundary back (what she changed since stays hers). */
  async function takeBack(applied: AppliedBoundary): Promise<void> {
    if (applied.kind === 'hide-accounts') await posts.setHidden(applied.site, applied.handles, false);
    else if (applied.kind === 'feed-free-tonight') {
      const hour = (await settings()).tracking.dayStartHour;
      // Only today's: a rest-of-day from an evening already over has ended by itself.
      if (nextDayStartAfter(now(), hour) === applied.until) await deps.setRestOfDay(false);
    } else {
      const next = undoInSettings(await storedSettings(), applied);
      if (next) await saveSettings(next);
    }
  }

  async function context(siteId: string | undefined): Promise<ReflectionContext> {
    const current = await settings();
    const hour = current.tracking.dayStartHour;
    const at = now();
    const site = siteId ? getSite(siteId) : undefined;
    const day = dayKeyOf(at, hour);
    let siteMinutesToday = 0;
    let topAccounts: ReflectionContext['topAccounts'] = [];
    if (site) {
      siteMinutesToday = Math.floor(((await ledger.dayTotals([day])).get(day)?.[site.id] ?? 0) / 60_000);
      const { records } = await ledger.readDays('exposure', [day]);
      const hidden = new Set(
        (await posts.readAccounts()).accounts
          .filter((mark) => mark.site === site.id && mark.hiddenAt !== undefined)
          .map((mark) => mark.handle.toLowerCase()),
      );
      topAccounts = (records.get(day)?.accounts ?? [])
        .filter((account) => account.site === site.id && account.trapPosts > 0)
        .filter((account) => !hidden.has(account.handle.toLowerCase()))
        .sort((a, b) => b.trapPosts - a.trapPosts || b.seconds - a.seconds)
        .slice(0, MAX_HIDE)
        .map(({ handle, name, trapPosts }) => ({ handle, ...(name ? { name } : {}), trapPosts }));
    }
    return {
      ...(site ? { site: { id: site.id, name: site.name } } : {}),
      siteMinutesToday,
      hour: new Date(at).getHours(),
      dayStartHour: hour,
      boundaries: current.boundaries,
      topAccounts,
    };
  }

  const handlers: Pick<Handlers, 'reflection/context' | 'reflection/save' | 'reflection/undo' | 'posts/reflect'> = {
    'posts/reflect': async (_data, sender) => {
      const site = topFrameSite(sender);
      if (!site) return { ok: false };
      await deps.openReflection(site.id);
      return { ok: true };
    },

    'reflection/context': async ({ site }, sender) => context(fromOwnPage(sender) ? site : undefined),

    'reflection/save': async ({ site, feelings, text, fed, choice }, sender) => {
      if (!fromOwnPage(sender)) return refuse('not-here');
      if (text.length > MAX_ENTRY_CHARS || fed.length > MAX_FED_CHARS) return refuse('too-long');
      const fields = {
        text: text.trim(),
        ...(feelings.length > 0 ? { feelings: [...new Set(feelings)] } : {}),
        ...(fed.trim() ? { fed: fed.trim() } : {}),
        ...(site && getSite(site) ? { site } : {}),
      };
      if (!choice && !entryHasContent(fields)) return refuse('empty');
      return serial(async () => {
        let applied: AppliedBoundary | undefined;
        if (choice) {
          try {
            const result = await apply(choice);
            if ('refused' in result) return refuse(result.refused);
            applied = result.applied;
          } catch (error) {
            console.error(error);
            return refuse('boundary-failed');
          }
        }
        const saved = await journal.add({ ...fields, ...(applied ? { boundary: applied } : {}) }).catch((error) => {
          console.error(error);
          return undefined;
        });
        if (saved?.ok) return { ok: true, entry: saved.entry, applied: applied ?? null };
        // Both or neither: the entry is not there, so neither is its boundary.
        if (applied) await takeBack(applied).catch(console.error);
        return refuse(saved ? saved.reason : 'entry-failed');
      });
    },

    'reflection/undo': async ({ day, id }, sender) => {
      if (!fromOwnPage(sender) || !isDayKey(day)) return { ok: false };
      return serial(async () => {
        const entry = (await ledger.readDays('journal', [day])).records.get(day)?.entries.find((e) => e.id === id);
        const applied = entry?.boundary;
        if (!applied) return { ok: false };
        await takeBack(applied);
        await journal.change(
          day,
          id,
          (found) => {
            delete found.boundary;
          },
          { edited: false },
        );
        return { ok: true };
      });
    },
  };

  return { handlers };
}
