/**
 * A handle on an extension's service worker from outside: a tab showing one of the extension's
 * own files (`manifest.json`), whose CDP session sees the worker's running status (`ServiceWorker`
 * domain), stops and starts it, and auto-attaches to it (non-flat, see `child-session.ts`).
 *
 * Trap: while any DevTools client is attached to a worker, Chromium never stops it for being idle
 * (`EmbeddedWorkerInstance::StopIfNotAttachedToDevTools`), and Playwright attaches to every
 * worker. Under Playwright an MV3 worker therefore lives for the whole run; `stop()` stops it the
 * way the browser would after 30 s without events.
 */
import type { CDPSession } from '@playwright/test';
import type { OpenedExtension } from './browser';
import { childSessions, type ChildSession } from './child-session';

/** The worker's running status, as the `ServiceWorker` domain reports it. */
export type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

/** A handle on one extension's service worker. */
export interface WorkerTarget {
  /** The extension tab's CDP session. */
  session: CDPSession;
  /** The last status reported. */
  status(): RunningStatus;
  /** How many times the browser has reported the worker starting. */
  startsSeen(): number;
  /** Stops the worker and waits until it has stopped. */
  stop(): Promise<void>;
  /** Starts the worker with no event to handle (`ServiceWorker.startWorker`); waits until running. */
  start(): Promise<void>;
  /** Detaches from the worker and closes the tab. */
  close(): Promise<void>;
}

/** Called when the watch attaches to the worker; must resume it when `waiting` is true. */
export type OnAttach = (worker: ChildSession, waiting: boolean) => Promise<void>;

const STATUS_TIMEOUT_MS = 10_000;

/** Opens the extension tab and attaches to `extension`'s worker, calling `onAttach` each time. */
export async function openWorkerTarget(
  extension: OpenedExtension,
  onAttach: OnAttach,
): Promise<WorkerTarget> {
  const origin = `chrome-extension://${extension.id}/`;
  const page = await extension.context.newPage();
  await page.goto(`${origin}manifest.json`);
  const session = await extension.context.newCDPSession(page);
  const child = childSessions(session);
  let status: RunningStatus = 'stopped';
  let startsSeen = 0;
  const waiters: { wanted: RunningStatus; resolve: () => void }[] = [];

  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const version = versions.find((entry) => entry.scriptURL.startsWith(origin));
    if (!version) return;
    const next = version.runningStatus as RunningStatus;
    if (next === 'starting' && status !== 'starting') startsSeen += 1;
    status = next;
    for (const waiter of waiters.filter((entry) => entry.wanted === next)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  session.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
    if (targetInfo.type !== 'service_worker' || !targetInfo.url.startsWith(origin)) return;
    onAttach(child(sessionId), waitingForDebugger).catch((error: unknown) => {
      console.error(`${extension.name}: setting up the worker watch failed:`, error);
    });
  });
  const reach = (wanted: RunningStatus) =>
    new Promise<void>((resolve, reject) => {
      if (status === wanted) return resolve();
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${extension.name}: worker not ${wanted} after ${STATUS_TIMEOUT_MS} ms`),
          ),
        STATUS_TIMEOUT_MS,
      );
      waiters.push({ wanted, resolve: () => (clearTimeout(timer), resolve()) });
    });

  await session.send('ServiceWorker.enable');
  // Auto-attach reaches a worker that is running when it is set, not one started later on: start
  // it first.
  await session.send('ServiceWorker.startWorker', { scopeURL: origin });
  await reach('running');
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: false,
  });

  return {
    session,
    status: () => status,
    startsSeen: () => startsSeen,
    async stop() {
      if (status === 'stopped') return;
      await session.send('ServiceWorker.stopAllWorkers');
      await reach('stopped');
    },
    async start() {
      await session.send('ServiceWorker.startWorker', { scopeURL: origin });
      await reach('running');
    },
    async close() {
      await session.send('Target.setAutoAttach', {
        autoAttach: false,
        waitForDebuggerOnStart: false,
        flatten: false,
      });
      await page.close();
    },
  };
}
