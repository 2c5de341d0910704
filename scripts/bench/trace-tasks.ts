/**
 * Reads a Chromium trace (CDP `Tracing`, as Playwright's `browser.startTracing` records it) for the
 * main thread of one page's renderer: its tasks, how long each ran and, for the long ones, what
 * ran inside (timers, script, style, layout, paint, garbage collection). Used by the panel-open
 * benchmark to count the tasks over one frame and, with `BENCH_TASKS=1`, to say what they were.
 */

/** One trace event, as much of it as is read here. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: without the time the thread waited for a core. */
  tdur?: number;
  args?: {
    name?: string;
    data?: {
      frames?: { processId?: number; url?: string }[];
      functionName?: string;
      url?: string;
      type?: string;
      processId?: number;
    };
  };
}

/** A task on the page's main thread, with the work inside it worth naming. */
export interface MainThreadTask {
  /** Start, ms after the first task in the trace. */
  start: number;
  duration: number;
  /**
   * The thread's CPU time in it, ms: on a machine shared with other work the wall-clock duration
   * also counts time the thread waited for a core; this does not.
   */
  cpu: number;
  /** Time in it running script (compiling and running JavaScript, its callbacks), ms. */
  script: number;
  /** Time in it on style and layout, ms. */
  styleAndLayout: number;
  /** What ran inside, longest-first, e.g. "TimerFire 12.3 ms" or "Layout 8.0 ms". */
  inside: string[];
}

/** Events that run or compile script; nested ones are counted once (their spans are merged). */
const SCRIPT = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
]);

/** Events that compute style or layout. */
const STYLE_AND_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);

/** The time covered by `spans` (start and end, µs), overlaps counted once, in ms. */
function covered(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total / 1000;
}

/** Events inside a task that say what the task was doing. */
const NAMED = new Set([
  'EvaluateScript',
  'v8.compile',
  'TimerFire',
  'FunctionCall',
  'FireAnimationFrame',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'Commit',
  'MinorGC',
  'MajorGC',
  'ParseHTML',
  'SerializedScriptValueFactory::deserialize',
  'CSSParserImpl::parseStyleSheet',
]);

/** The main-thread tasks of the renderer that shows `url` (a frame with that address). */
export function mainThreadTasks(events: readonly TraceEvent[], url: string): MainThreadTask[] {
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  // A frame there when tracing started is listed with its process; one that came after (the
  // panel's frame, put on the page once it is idle) is named when the browser commits it.
  const committed = events.filter(
    (event) => event.name === 'FrameCommittedInBrowser' && event.args?.data?.url === url,
  );
  const pid =
    started?.args?.data?.frames?.find((frame) => frame.url === url)?.processId ??
    committed.at(-1)?.args?.data?.processId;
  const main = events.find(
    (event) =>
      event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error(`trace: no main thread for ${url}`);
  const onMain = events.filter(
    (event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X',
  );
  const tasks = onMain.filter((event) => event.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const origin = tasks[0]?.ts ?? 0;
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const within = onMain.filter(
      (event) => event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end,
    );
    const spansOf = (names: ReadonlySet<string>) =>
      within
        .filter((event) => names.has(event.name))
        .map((event): [number, number] => [event.ts, event.ts + (event.dur ?? 0)]);
    const inside = within
      .filter((event) => NAMED.has(event.name) && (event.dur ?? 0) >= 500)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .map((event) => {
        const data = event.args?.data;
        const what = [data?.functionName, data?.url?.split('/').pop(), data?.type]
          .filter(Boolean)
          .join(' ');
        return `${event.name}${what ? ` (${what})` : ''} ${((event.dur ?? 0) / 1000).toFixed(1)} ms`;
      });
    return {
      start: (task.ts - origin) / 1000,
      script: covered(spansOf(SCRIPT)),
      styleAndLayout: covered(spansOf(STYLE_AND_LAYOUT)),
      duration: (task.dur ?? 0) / 1000,
      cpu: (task.tdur ?? task.dur ?? 0) / 1000,
      inside,
    };
  });
}
