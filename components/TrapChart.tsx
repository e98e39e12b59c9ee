/**
 * Comparison-trap posts she saw in the last 30 days, by account (the accounts with the most)
 * or by theme: a count chart (bars read out, a table one click away), and a choice between
 * the two that keeps its place for the keyboard.
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { AccountPosts } from '@/utils/insights/counts';
import { CountChart, type CountRow } from './CountChart';
import { numberText } from './text/format';
import { themeNames } from './text/mute';

/** Accounts drawn, at most (the table lists the same). */
export const TOP_ACCOUNTS = 8;
/** Characters of a handle under its bar. */
const SHORT_HANDLE = 11;

export interface TrapRow extends CountRow {
  posts: number;
  /** What the bar's button reads out. */
  spoken: string;
}

export function accountRows(accounts: readonly AccountPosts[], siteName: (id: string) => string): TrapRow[] {
  return accounts.slice(0, TOP_ACCOUNTS).map((account) => {
    const label = `@${account.handle}`;
    return {
      key: `${account.site}/${account.handle.toLowerCase()}`,
      label: `${label} (${siteName(account.site)})`,
      short: label.length > SHORT_HANDLE ? `${label.slice(0, SHORT_HANDLE - 1)}…` : label,
      posts: account.posts,
      spoken: t('chartTrapAccountLabel', [
        account.name ? `${account.name} (${label})` : label,
        siteName(account.site),
        numberText(account.posts),
      ]),
    };
  });
}

export function themeRows(themes: readonly { theme: string; posts: number }[]): TrapRow[] {
  return themes.map(({ theme, posts }) => {
    const names = themeNames(theme);
    const label = names.name.charAt(0).toLocaleUpperCase() + names.name.slice(1);
    return {
      key: theme,
      label,
      short: names.short,
      posts,
      spoken: t('chartTrapThemeLabel', [label, numberText(posts)]),
    };
  });
}

type By = 'account' | 'theme';

export function TrapChart({
  accounts,
  themes,
  siteName,
}: {
  accounts: readonly AccountPosts[];
  themes: readonly { theme: string; posts: number }[];
  siteName: (id: string) => string;
}) {
  const [by, setBy] = useState<By>('account');
  const rows = useMemo(
    () => (by === 'account' ? accountRows(accounts, siteName) : themeRows(themes)),
    [by, accounts, themes],
  );
  return (
    <CountChart
      rows={rows}
      layers={[{ key: 'posts', label: t('chartTrapPosts'), fill: 'var(--trap-posts)' }]}
      value={(row) => row.posts}
      describe={(row) => row.spoken}
      title={t(by === 'account' ? 'chartTrapTitleAccounts' : 'chartTrapTitleThemes')}
      description={
        by === 'account' ? t('chartTrapDescriptionAccounts', numberText(rows.length)) : t('chartTrapDescriptionThemes')
      }
      hint={t('chartTrapHint')}
      legendLabel={t('chartTrapPosts')}
      rowHeading={t(by === 'account' ? 'chartAccountColumn' : 'chartThemeColumn')}
      controls={
        <fieldset class="chart-range">
          <legend class="visually-hidden">{t('chartTrapBy')}</legend>
          {(['account', 'theme'] as const).map((value) => (
            <button
              type="button"
              key={value}
              class="secondary small-button"
              aria-pressed={by === value ? 'true' : 'false'}
              onClick={() => setBy(value)}
            >
              {t(value === 'account' ? 'chartTrapByAccount' : 'chartTrapByTheme')}
            </button>
          ))}
        </fieldset>
      }
    />
  );
}
