/**
 * Scheduling the panel's work between frames, so no single task holds the page's main thread for
 * more than about a frame.
 */

/** How long to wait for a frame before running anyway: a hidden tab draws no frames. */
const NO_FRAME_MS = 100;

/**
 * Runs `work` in a task of its own just after the next frame has been drawn (a task queued from
 * `requestAnimationFrame`), when the page's style and layout are clean: work that reads the page
 * or focuses an element then forces no style or layout. Returns a function that cancels it.
 */
export function afterNextFrame(view: Window | null, work: () => void): () => void {
  let pending = true;
  let task: ReturnType<typeof setTimeout> | undefined;
  const frames = typeof view?.requestAnimationFrame === 'function' ? view : null;
  const frame = frames?.requestAnimationFrame(() => {
    task = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, NO_FRAME_MS);
  function cancel() {
    pending = false;
    if (frame !== undefined) frames?.cancelAnimationFrame(frame);
    clearTimeout(task);
    clearTimeout(fallback);
  }
  function run() {
    if (!pending) return;
    cancel();
    work();
  }
  return cancel;
}
