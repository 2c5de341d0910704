/**
 * Every key Backstory keeps in `browser.storage`, in one place. The settings' defaults,
 * validation and migrations are in `settings.ts`; the page gate's format is in
 * `recognition/gate.ts`.
 */

/** The reader's settings (`local`; WXT storage writes its version beside it as `settings$`). */
export const SETTINGS_KEY = 'settings';

/**
 * The page gate (`local`), written by the background when the extension is installed or
 * updated, and read with the settings by the script on every page.
 */
export const GATE_KEY = 'recognition:gate';

/** A tab's verdict (`session`), so the toolbar button stays right when the worker is stopped. */
export function verdictKey(tabId: number): string {
  return `verdict:${tabId}`;
}
