/**
 * When the panel opens by itself (SPEC §2 "open automatically for article / version / related"):
 * once per page address, for the verdict kinds the reader chose, so a panel the reader closed
 * does not come back when the page is checked again.
 */
import type { Verdict } from '../recognition/verdict';
import type { Settings } from '../settings';

/** Decides auto-opening for one page session. */
export function createAutoOpen(): (
  verdict: Verdict | null,
  settings: Pick<Settings, 'autoOpen'>,
  address: string,
) => boolean {
  const opened = new Set<string>();
  return (verdict, settings, address) => {
    if (!verdict || !settings.autoOpen[verdict.kind] || opened.has(address)) return false;
    opened.add(address);
    return true;
  };
}
