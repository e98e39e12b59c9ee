/**
 * Insights in plain words on the dashboard: each sentence with what it is based on and, where
 * one fits, one small next step (hiding the accounts it names is one click). She can hide an
 * insight she doesn't want to see. Presentational: the page works the insights out and carries
 * out hiding.
 */
import { useState } from 'preact/hooks';
import type { AfterFeeling } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import type { Insight } from '@/utils/insights/insights';
import { numberText } from './text/format';
import { accountsText } from './text/reflection';

export interface InsightsCardProps {
  insights: Insight[];
  hide(id: Insight['id']): Promise<void>;
  hideAccounts(handles: { site: string; handle: string }[]): Promise<void>;
}

const AFTER: Record<
  AfterFeeling,
  'insightAfterBetter' | 'insightAfterSame' | 'insightAfterBitWorse' | 'insightAfterMuchWorse'
> = {
  better: 'insightAfterBetter',
  same: 'insightAfterSame',
  'bit-worse': 'insightAfterBitWorse',
  'much-worse': 'insightAfterMuchWorse',
};

/** The sentence, what it is based on, and the next step (if any), in words. */
export function insightWords(insight: Insight): { text: string; basis: string; step?: string } {
  switch (insight.id) {
    case 'long-sessions-worse':
      return {
        text: [
          t('insightLongWorse', [numberText(insight.worse), numberText(insight.long)]),
          insight.shorter ? t('insightLongWorseShorter', t(AFTER[insight.shorter.mostly])) : '',
        ]
          .filter(Boolean)
          .join(' '),
        basis: t('insightLongWorseBasis', numberText(insight.long + (insight.shorter?.count ?? 0))),
        step: t('insightLongWorseStep'),
      };
    case 'few-accounts': {
      const names = accountsText(
        insight.handles.map((account) => account.handle),
        { topAccounts: insight.handles.map((account) => ({ ...account, trapPosts: 0 })) },
      );
      return {
        text:
          insight.accounts === 1
            ? t('insightFewAccountsOne', names)
            : t('insightFewAccounts', [numberText(insight.accounts), names]),
        basis: t('insightFewAccountsBasis', [numberText(insight.posts), numberText(insight.days)]),
      };
    }
    case 'week-change': {
      const diff = numberText(Math.abs(insight.minutesThisWeek - insight.minutesWeekBefore));
      const fewer = insight.minutesThisWeek < insight.minutesWeekBefore;
      return {
        text: t(fewer ? 'insightWeekLess' : 'insightWeekMore', [numberText(insight.minutesThisWeek), diff]),
        basis: t('insightWeekBasis', numberText(insight.days)),
        ...(fewer ? {} : { step: t('insightWeekStep') }),
      };
    }
  }
}

function InsightItem({ insight, hide, hideAccounts }: { insight: Insight } & Omit<InsightsCardProps, 'insights'>) {
  const [status, setStatus] = useState('');
  const [accountsHidden, setAccountsHidden] = useState(false);
  const words = insightWords(insight);
  return (
    <li class="insight">
      <p>{words.text}</p>
      <p class="muted small">{words.basis}</p>
      {words.step ? <p class="small">{words.step}</p> : null}
      <div class="journal-actions">
        {insight.id === 'few-accounts' && !accountsHidden ? (
          <button
            type="button"
            class="small-button"
            onClick={async () => {
              await hideAccounts(insight.handles);
              setAccountsHidden(true);
              setStatus(t('insightAccountsHidden'));
            }}
          >
            {t('insightHideAccounts')}
          </button>
        ) : null}
        <button type="button" class="secondary small-button" onClick={() => void hide(insight.id)}>
          {t('insightHide')}
        </button>
      </div>
      <p class="small" role="status">
        {status}
      </p>
    </li>
  );
}

export function InsightsCard({ insights, hide, hideAccounts }: InsightsCardProps) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');
  const shown = insights.filter((insight) => !hidden.has(insight.id));
  return (
    <section aria-labelledby="insights-heading" class="card">
      <h2 id="insights-heading">{t('insightsHeading')}</h2>
      {shown.length === 0 ? (
        <p class="muted">{t('insightsNone')}</p>
      ) : (
        <ul class="insights">
          {shown.map((insight) => (
            <InsightItem
              key={insight.id}
              insight={insight}
              hide={async (id) => {
                await hide(id);
                setHidden((current) => new Set([...current, id]));
                setStatus(t('insightHidden'));
              }}
              hideAccounts={hideAccounts}
            />
          ))}
        </ul>
      )}
      <p class="small" role="status">
        {status}
      </p>
    </section>
  );
}
