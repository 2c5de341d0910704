import { browser } from 'wxt/browser';
import { boundTab } from '../../utils/side-panel/follow';
import { startSidePanel } from '../../utils/side-panel/app';
import type { MessageOf, Result, ToBackground } from '../../utils/messages';

// The panel's page: the browser's side panel (Chrome) or sidebar (Firefox), or, with `?in=page`,
// the frame the panel script puts on a page (utils/ui/panel-frame.ts), bound to that page's tab.
const container = document.getElementById('app');
const inPage = new URLSearchParams(location.search).get('in') === 'page';
if (container) {
  const start = async () => {
    const bound = inPage ? await ownTab() : boundTab(location.search);
    await startSidePanel({ doc: document, browser, container, bound, inPage });
  };
  void start();
}

/** The tab of the page this frame is on, as the background knows it from the message. */
async function ownTab(): Promise<number | undefined> {
  const reply = (await browser.runtime
    .sendMessage({ type: 'panel:tab' } satisfies MessageOf<ToBackground>)
    .catch(() => null)) as Result<{ tabId: number }> | null;
  return reply?.ok ? reply.value.tabId : undefined;
}
