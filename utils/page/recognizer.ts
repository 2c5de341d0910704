/**
 * The page side of recognition: reads the page, asks the engine, reports the verdict and shows
 * the launcher when there is one. Re-checks when the address changes or the page's text grows
 * (pages that build their content after load), debounced.
 */
import type { CompiledIndex } from '../recognition/compiled';
import type { Verdict } from '../recognition/verdict';
import { mountLauncher, type Launcher } from '../ui/launcher';
import { pageTextLength, recognizePage } from './recognize-page';

/** What the recognizer needs from its surroundings. */
export interface RecognizerOptions {
  doc: Document;
  index: CompiledIndex;
  /** Tells the extension the page's verdict (called when it changes). */
  report: (verdict: Verdict | null) => void;
  /** Asks the extension to open the panel. */
  openPanel: () => void;
  /** Ends the recognizer: listeners, observers and the launcher go away. */
  signal: AbortSignal;
  /** Wait after the last change before checking again. */
  debounceMs?: number;
}

/** A running recognizer. */
export interface Recognizer {
  /** The current verdict. */
  verdict(): Verdict | null;
  /** Checks the page again now. */
  check(): void;
}

/** Starts recognizing `doc`: checks once now, then again after address or content changes. */
export function startRecognizer(options: RecognizerOptions): Recognizer {
  const { doc, index, report, openPanel, signal, debounceMs = 400 } = options;
  let current: Verdict | null = null;
  let reported = false;
  let launcher: Launcher | null = null;
  let lastAddress = doc.location.href;
  let lastTextLength = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    lastAddress = doc.location.href;
    const { verdict, textLength } = recognizePage(doc, index);
    lastTextLength = textLength;
    if (reported && sameVerdict(verdict, current)) return;
    current = verdict;
    reported = true;
    report(verdict);
    launcher?.destroy();
    launcher = verdict ? mountLauncher(doc, verdict.kind, openPanel) : null;
  };

  // At most one look per `debounceMs`, counted from the first change of a burst: a page that
  // never stops changing (a clock, a ticker, rotating ads) must not postpone the look forever,
  // which a timer reset on every change would.
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      // Small DOM changes (ads, clocks) leave the text about the same length: skip those.
      if (doc.location.href !== lastAddress) return check();
      const length = pageTextLength(doc);
      if (Math.abs(length - lastTextLength) > Math.max(200, lastTextLength * 0.1)) check();
    }, debounceMs);
  };

  check();
  // The whole document, not <body>: pages that replace `document.body` (single-page apps,
  // re-rendering frameworks) must be checked again too.
  const observer = new MutationObserver((records) => {
    if (!records.every(isBackstoryChange)) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  doc.defaultView?.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    launcher?.destroy();
  });
  return { verdict: () => current, check: schedule };
}

/** Backstory's own launcher or panel coming or going: not a change of the page's text. */
function isBackstoryChange(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return (
    nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase().startsWith('backstory-'))
  );
}

function sameVerdict(a: Verdict | null, b: Verdict | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
