/**
 * The browser's side panel (Chrome's side panel, Firefox's sidebar): the same panel as on the
 * page, drawn in an extension page beside it, which no script of the page can read, restyle or
 * cover. It shows the verdict of the tab it follows (see `follow.ts`), or the "nothing here"
 * panel, and reaches the page through the background (see `remote-page.ts`).
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import {
  parseToSidePanel,
  type MessageOf,
  type PanelData,
  type Result,
  type ToBackground,
} from '../messages';
import { hostMatches, loadSettings, wakeSite, watchSettings } from '../settings';
import { pageStrings } from '../strings';
import {
  createPanelController,
  type PanelController,
  type PanelSurface,
} from '../ui/panel-controller';
import { followTab } from './follow';
import { remotePage, type RemotePage } from './remote-page';

export interface SidePanelOptions {
  doc: Document;
  browser: Browser;
  /** The element the panel is drawn into. */
  container: HTMLElement;
  /** The tab to show always (the page opened for one tab); the active tab when left out. */
  bound?: number | undefined;
}

/** Starts the side panel; resolves once it follows its tab. Returns `stop`. */
export async function startSidePanel({
  doc,
  browser,
  container,
  bound,
}: SidePanelOptions): Promise<() => void> {
  const ask = (message: MessageOf<ToBackground>) =>
    browser.runtime.sendMessage(message) as Promise<Result<unknown>>;
  let settings = await loadSettings();
  let controller: PanelController | null = null;
  let page: RemotePage | null = null;
  let tab: number | null = null;
  // What is shown (tab, verdict, site): the same again is not drawn again.
  let shown = '';
  let first = true;
  const surface = (): PanelSurface => ({
    host: doc.documentElement,
    root: doc,
    container,
    raise: () => {},
    destroy: () => {},
  });
  const close = () => {
    const sidebar = (browser as { sidebarAction?: { close(): Promise<void> } }).sidebarAction;
    if (sidebar) void sidebar.close();
    else doc.defaultView?.close();
  };

  const show = async (tabId: number | null) => {
    tab = tabId;
    const [data, host] = await Promise.all([
      ask(tabId === null ? { type: 'panel:data' } : { type: 'panel:data', tabId }) as Promise<
        Result<PanelData>
      >,
      siteOf(browser, tabId),
    ]).catch((error: unknown) => [{ ok: false as const, error: String(error) }, ''] as const);
    // Another tab was chosen meanwhile: that one is shown.
    if (tab !== tabId) return;
    const key = JSON.stringify([tabId, data.ok ? data.value.verdict : data.error, host]);
    if (key === shown) return;
    shown = key;
    controller?.destroy();
    const remote = (page = remotePage(
      (message) =>
        tabId === null
          ? Promise.resolve({ ok: false, error: 'no tab' })
          : ask({ type: 'panel:page', tabId, message }),
      () => controller?.refresh(),
    ));
    const ready = data.ok && data.value.verdict !== null;
    controller = createPanelController({
      doc,
      css: '',
      mount: surface,
      quotes: remote.quotes,
      close,
      standalone: true,
      notice: () => (remote.reachable() ? null : pageStrings.pageUnreachable),
      loadData: () => Promise.resolve(data),
      nothing: {
        host: () => host,
        quiet: () => host !== '' && hostMatches(host, settings.quietSites),
        openSettings: () => void browser.runtime.openOptionsPage(),
        wake: () => wakeSite(host),
      },
      ...(ready && { marks: () => remote.marks() }),
    });
    controller.applySettings(settings);
    // Focus goes in when the reader opens the side panel, not when it follows a tab switch.
    controller.show({ focus: first });
    first = false;
  };

  const onMessage = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.tab.id !== tab)
      return undefined;
    const message = parseToSidePanel(raw);
    if (message?.type === 'side:entity') controller?.showEntity(message);
    else if (message?.type === 'side:marks') page?.marksChanged(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unwatch = watchSettings((next) => {
    settings = next;
    controller?.applySettings(next);
  });
  // Looks are queued so their answers are drawn in the order asked.
  let queue = Promise.resolve();
  const stopFollowing = await followTab({
    browser,
    bound,
    onTab: (tabId) => {
      queue = queue
        .then(() => show(tabId))
        .catch((error: unknown) => {
          console.warn('Backstory: the side panel could not show the tab', error);
        });
    },
  });
  return () => {
    stopFollowing();
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    controller?.destroy();
  };
}

/** The site of the page in a tab ('' when the browser does not say, as on its own pages). */
async function siteOf(browser: Browser, tabId: number | null): Promise<string> {
  if (tabId === null) return '';
  const tab = await browser.tabs.get(tabId).catch(() => null);
  try {
    return tab?.url ? new URL(tab.url).hostname : '';
  } catch {
    return '';
  }
}
