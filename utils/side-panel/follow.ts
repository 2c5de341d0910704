/**
 * Which tab the browser's side panel shows, and when to look again: the active tab of its own
 * window (switching tabs moves it), or one tab it is bound to (`?tab=` in its address: the same
 * page opened for one tab). It looks again when that tab starts or finishes loading, changes its
 * address (a client-side navigation), or its verdict changes, which is the moment a page's
 * recognition reaches the background.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { verdictKey } from '../storage-keys';

/** What makes the side panel look again at its tab. */
export type FollowReason = 'tab' | 'navigated' | 'verdict';

export interface FollowOptions {
  browser: Browser;
  /** The tab the panel is bound to; the active tab of its window when left out. */
  bound?: number | undefined;
  /** Called with the tab to show (null: none, e.g. a window being closed), and why. */
  onTab: (tabId: number | null, reason: FollowReason) => void;
}

/** The tab a side panel page is bound to by its address (`?tab=12`), if any. */
export function boundTab(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  return Number(value);
}

/** Starts following; resolves once the first tab is known and reported. Returns `stop`. */
export async function followTab({ browser, bound, onTab }: FollowOptions): Promise<() => void> {
  let current: number | null = bound ?? null;
  let windowId: number | undefined;
  if (bound === undefined) {
    windowId = (await browser.windows.getCurrent()).id;
    const [active] = await browser.tabs.query({ active: true, windowId });
    current = active?.id ?? null;
  }
  onTab(current, 'tab');

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (bound !== undefined || info.windowId !== windowId || info.tabId === current) return;
    current = info.tabId;
    onTab(current, 'tab');
  };
  const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
    if (tabId !== current) return;
    if (change.url !== undefined || change.status === 'loading' || change.status === 'complete')
      onTab(current, 'navigated');
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && current !== null && verdictKey(current) in changes)
      onTab(current, 'verdict');
  };
  // Firefox gives the panel's frame on a page (bound to its tab) no `tabs` API: its verdict is
  // followed through storage alone (a navigation takes the frame away with the page).
  const tabs = browser.tabs as Browser['tabs'] | undefined;
  tabs?.onActivated.addListener(onActivated);
  tabs?.onUpdated.addListener(onUpdated);
  browser.storage.onChanged.addListener(onStorage);
  return () => {
    tabs?.onActivated.removeListener(onActivated);
    tabs?.onUpdated.removeListener(onUpdated);
    browser.storage.onChanged.removeListener(onStorage);
  };
}
