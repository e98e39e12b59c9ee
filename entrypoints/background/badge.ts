/**
 * The toolbar badge: today's feed minutes, refreshed after each write and when a new day
 * begins. Later, with limits, it shows minutes left.
 */
import { browser } from 'wxt/browser';
import type { LedgerStore } from '@/utils/storage/ledgerStore';
import { dayKeyOf } from '@/utils/time/day';

export function badgeText(totalMs: number): string {
  const minutes = Math.floor(totalMs / 60_000);
  if (minutes < 1000) return String(minutes);
  return `${Math.floor(minutes / 60)}h`;
}

export async function refreshBadge(ledger: LedgerStore, now: number, dayStartHour: number): Promise<void> {
  const today = dayKeyOf(now, dayStartHour);
  const totals = (await ledger.dayTotals([today])).get(today) ?? {};
  const totalMs = Object.values(totals).reduce((sum, ms) => sum + ms, 0);
  const minutes = Math.floor(totalMs / 60_000);
  await browser.action.setBadgeBackgroundColor({ color: '#4A5D7A' });
  await browser.action.setBadgeText({ text: badgeText(totalMs) });
  await browser.action.setTitle({
    title: browser.i18n.getMessage('badgeTitle', [String(minutes)]) || `Feeds today: ${minutes} min`,
  });
}
