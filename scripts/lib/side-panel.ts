/**
 * The browser's real side panel, reached over the DevTools protocol: Chromium gives it a target
 * of type `page` at `chrome-extension://ID/sidepanel.html`, which Playwright's `context.pages()`
 * does not list. Tests, the demo and the benchmark attach to it through the browser session's
 * target messages and evaluate in it, or take its picture.
 */
import type { CDPSession } from '@playwright/test';

/** A side panel attached over CDP. */
export interface SidePanelSession {
  /** Evaluates `expression` in the side panel's page and returns its value (JSON). */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until `expression` is truthy in the side panel; throws after `timeoutMs`. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** The side panel's picture (PNG). */
  screenshot(): Promise<Buffer>;
  /** Sizes the side panel's page and sets its colour scheme, as a browser window would. */
  emulate(options: { width: number; height: number; colorScheme: 'light' | 'dark' }): Promise<void>;
  detach(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The side panel page's targets open now. */
export async function sidePanelTargets(
  browserSession: CDPSession,
  extensionId: string,
): Promise<TargetInfo[]> {
  const { targetInfos } = (await browserSession.send('Target.getTargets')) as {
    targetInfos: TargetInfo[];
  };
  const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
  return targetInfos.filter((info) => info.type === 'page' && info.url.startsWith(prefix));
}

/** Waits for the extension's side panel to open (up to `timeoutMs`) and attaches to it. */
export async function attachToSidePanel(
  browserSession: CDPSession,
  extensionId: string,
  timeoutMs = 10_000,
): Promise<SidePanelSession> {
  const deadline = Date.now() + timeoutMs;
  let target: TargetInfo | undefined;
  while (!(target = (await sidePanelTargets(browserSession, extensionId))[0])) {
    if (Date.now() > deadline) throw new Error('the side panel did not open');
    await new Promise((done) => setTimeout(done, 50));
  }
  const { sessionId } = (await browserSession.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };

  let lastId = 0;
  const pending = new Map<number, (reply: CdpReply) => void>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as CdpReply;
    if (reply.id === undefined) return;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method: string, params: object) =>
    new Promise<CdpReply>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, resolve);
      browserSession
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await send('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    const result = reply.result as
      { result: { value?: unknown }; exceptionDetails?: { text: string } } | undefined;
    if (reply.error) throw new Error(`side panel: ${reply.error.message}`);
    if (result?.exceptionDetails) {
      throw new Error(`side panel: ${result.exceptionDetails.text} in ${expression}`);
    }
    return result?.result.value as T;
  };
  return {
    evaluate,
    async waitFor(expression, waitMs = 10_000) {
      const end = Date.now() + waitMs;
      while (!(await evaluate<boolean>(`Boolean(${expression})`))) {
        if (Date.now() > end) throw new Error(`side panel: never true: ${expression}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    async emulate({ width, height, colorScheme }) {
      await send('Emulation.setDeviceMetricsOverride', {
        width,
        height,
        deviceScaleFactor: 1,
        mobile: false,
      });
      await send('Emulation.setEmulatedMedia', {
        features: [{ name: 'prefers-color-scheme', value: colorScheme }],
      });
    },
    async screenshot() {
      const reply = await send('Page.captureScreenshot', { format: 'png' });
      const data = (reply.result as { data?: string } | undefined)?.data;
      if (!data) throw new Error('side panel: no screenshot');
      return Buffer.from(data, 'base64');
    },
    async detach() {
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      await browserSession.send('Target.detachFromTarget', { sessionId });
    },
  };
}

interface CdpReply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}
