/**
 * Every key Backstory keeps in `browser.storage`, in one place. The settings' defaults,
 * validation and migrations are in `settings.ts`.
 */

/** The reader's settings (`local`; WXT storage writes its version beside it as `settings$`). */
export const SETTINGS_KEY = 'settings';

/** A tab's verdict (`session`), so the toolbar button stays right when the worker is stopped. */
export function verdictKey(tabId: number): string {
  return `verdict:${tabId}`;
}
