/**
 * Every key Backstory keeps in `browser.storage`, in one place. The settings' defaults,
 * validation and migrations are in `settings.ts`.
 */

/** The reader's settings (`local`; WXT storage writes its version beside it as `settings$`). */
export const SETTINGS_KEY = 'settings';

const VERDICT = 'verdict:';

/** A tab's verdict (`session`), so the toolbar button stays right when the worker is stopped. */
export function verdictKey(tabId: number): string {
  return `${VERDICT}${tabId}`;
}

/** The tab whose verdict a key holds, or null for any other key. */
export function tabOfVerdictKey(key: string): number | null {
  return key.startsWith(VERDICT) ? Number(key.slice(VERDICT.length)) : null;
}
