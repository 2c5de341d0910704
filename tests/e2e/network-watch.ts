/**
 * Records every network request of a browser session, three ways at once so that none slips by:
 * the DevTools `Network` domain of the tab, the same domain in the extension's service worker, and
 * Playwright's own `request` event for the whole context (pages and service workers).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../scripts/lib/chromium';

/** One request: who saw it, its address, and what started it. */
export interface SeenRequest {
  seenBy: 'tab' | 'service worker' | 'context';
  url: string;
  /** The script or document that started it, when the protocol says. */
  initiator: string;
}

/** A running recording. */
export interface NetworkWatch {
  readonly requests: SeenRequest[];
  stop(): Promise<void>;
}

interface RequestWillBeSent {
  request: { url: string };
  initiator?: { type: string; url?: string; stack?: { callFrames: { url: string }[] } };
}

/** Starts recording the requests of `page` and of the extension's service worker. */
export async function watchNetwork(extension: ExtensionBrowser, page: Page): Promise<NetworkWatch> {
  const requests: SeenRequest[] = [];
  const record = (seenBy: SeenRequest['seenBy'], event: RequestWillBeSent) =>
    requests.push({ seenBy, url: event.request.url, initiator: initiatorOf(event) });

  const tab = await page.context().newCDPSession(page);
  tab.on('Network.requestWillBeSent', (event: RequestWillBeSent) => record('tab', event));
  await tab.send('Network.enable');

  const worker = await attachToServiceWorker(extension, (event) => record('service worker', event));

  const onRequest = (request: { url(): string; frame(): { url(): string } | null }) => {
    let initiator = 'service worker';
    try {
      initiator = request.frame()?.url() ?? initiator;
    } catch {
      // Requests from a service worker have no frame; Playwright throws when asked for one.
    }
    requests.push({ seenBy: 'context', url: request.url(), initiator });
  };
  const context: BrowserContext = page.context();
  context.on('request', onRequest);

  return {
    requests,
    async stop() {
      context.off('request', onRequest);
      await tab.detach();
      await worker.detach();
    },
  };
}

/**
 * Attaches the DevTools protocol to the extension's service worker (Playwright opens sessions
 * only for pages) and turns on its `Network` domain. Uses the browser session's target messages.
 */
async function attachToServiceWorker(
  extension: ExtensionBrowser,
  onRequest: (event: RequestWillBeSent) => void,
): Promise<{ detach(): Promise<void> }> {
  const browserHandle = extension.context.browser();
  if (!browserHandle) throw new Error('no browser handle');
  const session: CDPSession = await browserHandle.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find(
    (info) =>
      info.type === 'service_worker' &&
      info.url.startsWith(`chrome-extension://${extension.extensionId}/`),
  );
  if (!target) throw new Error('the extension has no running service worker');
  const { sessionId } = (await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };

  session.on(
    'Target.receivedMessageFromTarget',
    (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { method?: string; params?: unknown };
      if (message.method === 'Network.requestWillBeSent') {
        onRequest(message.params as RequestWillBeSent);
      }
    },
  );
  await session.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }),
  });
  return {
    async detach() {
      await session.send('Target.detachFromTarget', { sessionId });
      await session.detach();
    },
  };
}

function initiatorOf(event: RequestWillBeSent): string {
  const initiator = event.initiator;
  if (!initiator) return 'unknown';
  return initiator.url ?? initiator.stack?.callFrames[0]?.url ?? initiator.type;
}
