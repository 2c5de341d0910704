/**
 * The panel's page, in either of its two places: the browser's side panel (Chrome's side panel,
 * Firefox's sidebar) beside the page, or a frame on the page itself (`utils/ui/panel-frame.ts`).
 * Either way it is the extension's own page, which no script of the page can read, restyle or
 * cover. It shows the verdict of the tab it follows (see `follow.ts`), or the "nothing here"
 * panel, and reaches the page through the background (`panel:page`, see `remote-page.ts`), which
 * tells the page when a request comes from its own frame.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import {
  parseToSidePanel,
  type MessageOf,
  type PanelData,
  type Result,
  type ToBackground,
  type ToPage,
} from '../messages';
import { hostMatches, loadSettings, wakeSite, watchSettings } from '../settings';
import { pageStrings } from '../strings';
import { createPanelController, type PanelController } from '../ui/panel-controller';
import { followTab } from './follow';
import { remotePage, type RemotePage } from './remote-page';

export interface SidePanelOptions {
  doc: Document;
  browser: Browser;
  /** The element the panel is drawn into. */
  container: HTMLElement;
  /** The tab to show always (the page opened for one tab); the active tab when left out. */
  bound?: number | undefined;
  /**
   * The panel is the frame on the page of tab `bound` (`?in=page`): a complementary landmark
   * whose close button and Escape ask the page to hide the frame, and which takes focus when the
   * page gives it (see `utils/ui/panel-frame.ts`).
   */
  inPage?: boolean;
}

/** Starts the side panel; resolves once it follows its tab. Returns `stop`. */
export async function startSidePanel({
  doc,
  browser,
  container,
  bound,
  inPage = false,
}: SidePanelOptions): Promise<() => void> {
  const ask = (message: MessageOf<ToBackground>) =>
    browser.runtime.sendMessage(message) as Promise<Result<unknown>>;
  const askPage = (tabId: number, message: MessageOf<ToPage>): Promise<Result<unknown>> =>
    ask({ type: 'panel:page', tabId, message });
  let tab: number | null = bound ?? null;
  const close = () => {
    if (inPage) {
      if (tab !== null) void askPage(tab, { type: 'page:hide' }).catch(() => {});
      return;
    }
    const sidebar = (browser as { sidebarAction?: { close(): Promise<void> } }).sidebarAction;
    if (sidebar) void sidebar.close();
    else doc.defaultView?.close();
  };
  // Escape closes the frame on a page (the browser's side panel stays until the reader closes
  // it): heard from the start, before focus can come in (see `page:ready`).
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !inPage) return;
    event.stopPropagation();
    close();
  };
  doc.addEventListener('keydown', onKey);
  let settings = await loadSettings();
  let controller: PanelController | null = null;
  let page: RemotePage | null = null;
  // What is shown (tab, verdict, site): the same again is not drawn again.
  let shown = '';
  // The side panel takes focus when the reader opens it; the frame on a page, when the page says
  // the reader opened it.
  const started = inPage && bound !== undefined ? await pageReady(askPage, bound) : null;
  let first = inPage ? started?.focus === true : true;

  const show = async (tabId: number | null) => {
    tab = tabId;
    const [data, host] = await Promise.all([
      ask(tabId === null ? { type: 'panel:data' } : { type: 'panel:data', tabId }) as Promise<
        Result<PanelData>
      >,
      started ? Promise.resolve(started.host) : siteOf(browser, tabId),
    ]).catch((error: unknown) => [{ ok: false as const, error: String(error) }, ''] as const);
    // Another tab was chosen meanwhile: that one is shown.
    if (tab !== tabId) return;
    const key = JSON.stringify([tabId, data.ok ? data.value.verdict : data.error, host]);
    if (key === shown) return;
    shown = key;
    controller?.destroy();
    const remote = (page = remotePage(
      (message) =>
        tabId === null ? Promise.resolve({ ok: false, error: 'no tab' }) : askPage(tabId, message),
      () => controller?.refresh(),
    ));
    const ready = data.ok && data.value.verdict !== null;
    controller = createPanelController({
      doc,
      container,
      quotes: remote.quotes,
      close,
      standalone: !inPage,
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
    // Focus goes in when the reader opens the panel, not when it follows a tab switch.
    controller.show({ focus: first });
    first = false;
  };

  const onMessage = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.tab.id !== tab)
      return undefined;
    const message = parseToSidePanel(raw);
    if (message?.type === 'side:entity') controller?.showEntity(message);
    else if (message?.type === 'side:marks') page?.marksChanged(message);
    else if (message?.type === 'side:focus' && inPage) {
      // The reader opened the panel while its data was still on the way: focus goes in as soon
      // as the panel is drawn, not nowhere.
      if (controller) controller.show();
      else first = true;
    }
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
    doc.removeEventListener('keydown', onKey);
    controller?.destroy();
  };
}

/** The frame's page has started (see `page:ready`): whether to take focus, and the page's site. */
async function pageReady(
  askPage: (tabId: number, message: MessageOf<ToPage>) => Promise<Result<unknown>>,
  tabId: number,
): Promise<{ focus: boolean; host: string }> {
  const reply = await askPage(tabId, { type: 'page:ready' }).catch(() => null);
  const value = reply?.ok ? (reply.value as { focus?: unknown; host?: unknown }) : {};
  return {
    focus: value.focus === true,
    host: typeof value.host === 'string' ? value.host : '',
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
