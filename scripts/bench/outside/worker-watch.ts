/**
 * Counts, from outside and without changing the extension, how often its service worker starts
 * and how many runtime messages it receives. At every start the worker is held before its own
 * script runs (a `beforeScriptExecution` instrumentation breakpoint, which stays set across
 * restarts while the watch is attached) and given listeners first: `runtime.onMessage` and
 * `runtime.onConnect`, reporting through a `Runtime.addBinding` binding, so the counts live here
 * and survive the worker stopping.
 *
 * The Debugger this needs slows the worker's own start several-fold: measure its cold start with
 * `measureWorkerColdStart`, with no watch open.
 */
import type { OpenedExtension } from './browser';
import type { ChildSession } from './child-session';
import { openWorkerTarget } from './worker-target';

/** What the worker did since the watch opened (or was last reset). */
export interface WorkerCounts {
  /** Times its script was evaluated, i.e. the worker started. */
  starts: number;
  /** Starts the browser reported (`ServiceWorker` domain): should equal `starts`. */
  startsSeenByBrowser: number;
  /** `runtime.onMessage` events (one-off messages from pages, content scripts, extension pages). */
  messages: number;
  /** `runtime.onConnect` events (long-lived ports opened). */
  connects: number;
  /** Messages received on those ports. */
  portMessages: number;
}

/** A running watch over one extension's worker. */
export interface WorkerWatch {
  /**
   * Stops the worker, as the browser would after 30 s with no events (it never does by itself
   * under Playwright, see `worker-target.ts`): call before each page for "a reader who stayed on
   * the last page long enough".
   */
  stopWorker(): Promise<void>;
  counts(): WorkerCounts;
  /** Zeroes the counts. */
  reset(): void;
  /** Detaches (which removes the breakpoint and the reporting) and closes the watch's tab. */
  close(): Promise<void>;
}

const BINDING = '__outsideWorkerWatch';

/** Starts watching `extension`'s worker (the extension must declare one). */
export async function watchWorker(extension: OpenedExtension): Promise<WorkerWatch> {
  const origin = `chrome-extension://${extension.id}/`;
  const counts = { starts: 0, messages: 0, connects: 0, portMessages: 0 };
  let startsBase = 0;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const target = await openWorkerTarget(extension, async (worker, waiting) => {
    worker.on('Runtime.bindingCalled', ({ name, payload }) => {
      if (name !== BINDING) return;
      if (payload === 'start') counts.starts += 1;
      else if (payload === 'message') counts.messages += 1;
      else if (payload === 'connect') counts.connects += 1;
      else if (payload === 'port-message') counts.portMessages += 1;
    });
    worker.on('Debugger.paused', (paused) => {
      // Held before one of the extension's scripts runs: at a start, put the listeners in first.
      const data = paused.data as { url?: string } | undefined;
      const atStart = data?.url?.startsWith(origin) ?? false;
      const before = atStart ? addListeners(worker, true) : Promise.resolve();
      before
        .finally(() => worker.send('Debugger.resume'))
        .catch((error: unknown) => {
          // Stopped while held (the next visit's stop can come first): nothing left to resume.
          if (String(error).includes('while paused')) return;
          console.error(`${extension.name}: worker watch:`, error);
        });
    });
    // Without Runtime enabled, the binding is not put back into a restarted worker.
    await worker.send('Runtime.enable');
    await worker.send('Runtime.addBinding', { name: BINDING });
    // A worker already running when the watch opens gets the listeners now, its start not counted.
    await addListeners(worker, waiting);
    await worker.send('Debugger.enable');
    await worker.send('Debugger.setInstrumentationBreakpoint', {
      instrumentation: 'beforeScriptExecution',
    });
    if (waiting) await worker.send('Runtime.runIfWaitingForDebugger');
    markReady();
  });
  // Stopping the worker before the set-up is done would leave its commands queued until a start.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    ready,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${extension.name}: watch not ready`)), 10_000);
    }),
  ]).finally(() => clearTimeout(timer));

  return {
    stopWorker: () => target.stop(),
    counts: () => ({ ...counts, startsSeenByBrowser: target.startsSeen() - startsBase }),
    reset() {
      Object.assign(counts, { starts: 0, messages: 0, connects: 0, portMessages: 0 });
      startsBase = target.startsSeen();
    },
    // Detaching is enough: the breakpoint, the Debugger and the binding belong to the session.
    // (Commands to a stopped worker would wait for its next start.)
    close: () => target.close(),
  };
}

/** Runs `listenersScript` in the worker; throws what it threw. */
async function addListeners(worker: ChildSession, countStart: boolean): Promise<void> {
  const reply = await worker.send('Runtime.evaluate', { expression: listenersScript(countStart) });
  if (reply.exceptionDetails) {
    throw new Error(`worker watch listeners failed: ${JSON.stringify(reply.exceptionDetails)}`);
  }
}

/** Code run in the worker before its own script: adds the counting listeners once per start. */
function listenersScript(countStart: boolean): string {
  return `(() => {
  if (globalThis.${BINDING}Installed) return;
  Object.defineProperty(globalThis, '${BINDING}Installed', { value: true });
  const report = globalThis.${BINDING};
  ${countStart ? "report('start');" : ''}
  chrome.runtime.onMessage.addListener(() => { report('message'); });
  chrome.runtime.onConnect.addListener((port) => {
    report('connect');
    port.onMessage.addListener(() => { report('port-message'); });
  });
})()`;
}
