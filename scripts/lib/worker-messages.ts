/**
 * Counts what reaches the extension's service worker while pages are opened: the runtime
 * messages it receives (a listener added beside its own, which answers nothing) and how many
 * times it starts again. A page with no verdict must cost neither.
 */
import type { ExtensionBrowser } from './chromium';

/** A running count. */
export interface WorkerMessages {
  /** The types of the messages received so far, and the worker's starts since counting began. */
  read(): Promise<{ messages: string[]; starts: number }>;
  stop(): void;
}

const KEY = '__backstoryCountedMessages';

/** Starts counting on `browser`'s extension. */
export async function countWorkerMessages(browser: ExtensionBrowser): Promise<WorkerMessages> {
  let starts = 0;
  const onWorker = (worker: { url(): string }) => {
    if (worker.url().startsWith(`chrome-extension://${browser.extensionId}/`)) starts += 1;
  };
  browser.context.on('serviceworker', onWorker);
  await browser.worker.evaluate((key) => {
    const seen: string[] = [];
    (globalThis as Record<string, unknown>)[key] = seen;
    chrome.runtime.onMessage.addListener((message: unknown) => {
      const type = (message as { type?: unknown } | null)?.type;
      seen.push(typeof type === 'string' ? type : 'unknown');
    });
  }, KEY);
  return {
    async read() {
      const messages = await browser.worker.evaluate(
        (key) => [...((globalThis as Record<string, unknown>)[key] as string[])],
        KEY,
      );
      return { messages, starts };
    },
    stop: () => void browser.context.off('serviceworker', onWorker),
  };
}
