/**
 * Her whole journal on the dashboard: every entry, newest first, with its prompt, what she
 * noticed and the boundary set with it; a search over her words (a small full-text index kept
 * in this page only); each entry editable and deletable. Presentational: the page loads the
 * entries and carries out edits and deletes.
 */
import MiniSearch from 'minisearch';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { FiledEntry } from '@/utils/journal/entries';
import { promptById } from '@/utils/journal/prompts';
import type { JournalReply } from '@/utils/messaging/protocol';
import { JournalEntries } from './JournalPanel';
import { numberText } from './text/format';

export interface JournalHistoryProps {
  load(): Promise<{ entries: FiledEntry[]; unreadable: number }>;
  edit(entry: FiledEntry, text: string): Promise<JournalReply | undefined>;
  remove(entry: FiledEntry): Promise<boolean>;
}

/** What the search looks at in an entry: her words, what fed it, the prompt it answered. */
function searchable(entry: FiledEntry) {
  const prompt = promptById(entry.promptId);
  return {
    id: entry.id,
    text: entry.text,
    fed: entry.fed ?? '',
    prompt: prompt ? t(prompt.messageKey as Parameters<typeof t>[0]) : '',
  };
}

export function JournalHistory({ load, edit, remove }: JournalHistoryProps) {
  const [entries, setEntries] = useState<FiledEntry[] | undefined>();
  const [unreadable, setUnreadable] = useState(0);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  useEffect(() => {
    load().then(
      (result) => {
        setEntries(result.entries);
        setUnreadable(result.unreadable);
      },
      () => setFailed(true),
    );
  }, []);

  const index = useMemo(() => {
    const search = new MiniSearch({ fields: ['text', 'fed', 'prompt'], storeFields: [] });
    search.addAll((entries ?? []).map(searchable));
    return search;
  }, [entries]);

  const trimmed = query.trim();
  const shown = useMemo(() => {
    if (!entries || trimmed === '') return entries;
    const hits = new Set(index.search(trimmed, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).map((hit) => hit.id));
    return entries.filter((entry) => hits.has(entry.id));
  }, [entries, index, trimmed]);

  return (
    <section aria-labelledby="journal-history-heading" class="card journal">
      <h2 id="journal-history-heading">{t('journalHistoryHeading')}</h2>
      {entries && entries.length > 0 ? (
        <>
          <label for="journal-search">{t('journalSearchLabel')}</label>
          <input
            id="journal-search"
            type="search"
            value={query}
            aria-describedby="journal-count"
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <p id="journal-count" class="muted small" role="status">
            {trimmed === ''
              ? entries.length === 1
                ? t('journalCountOne')
                : t('journalCountAll', numberText(entries.length))
              : shown && shown.length > 0
                ? t('journalCountMatching', [numberText(shown.length), numberText(entries.length)])
                : t('journalNoMatch')}
          </p>
        </>
      ) : null}
      <JournalEntries
        heading={null}
        entries={shown}
        unreadable={unreadable}
        failed={failed}
        edit={edit}
        remove={remove}
        onChange={(next) =>
          // Changes come for the entries shown: fold them back into the whole journal.
          setEntries((all) => {
            if (!all) return next;
            const kept = new Map(next.map((entry) => [entry.id, entry]));
            const shownIds = new Set((shown ?? []).map((entry) => entry.id));
            return all.flatMap((entry) =>
              kept.has(entry.id) ? [kept.get(entry.id) as FiledEntry] : shownIds.has(entry.id) ? [] : [entry],
            );
          })
        }
      />
    </section>
  );
}
