/**
 * The page side of recognition, on every page: puts the page to the gate and, only when the gate
 * lets it through, asks the extension which packs it may carry and has the story script judge it
 * (see `story.ts`). A page the gate stops costs the look and nothing else: no message, no script.
 * Looks again when the address changes or the page's text grows or shrinks markedly (pages that
 * build their content after load), at most once per `debounceMs`.
 */
import type { CompiledPack } from '../recognition/compiled';
import type { PageGate, Suspect } from '../recognition/gate';
import { pageTextLength, screenDocument } from './screen-page';
import type { Story } from './story-handoff';

/** What the recognizer needs from its surroundings. */
export interface RecognizerOptions {
  doc: Document;
  gate: PageGate;
  /**
   * Tells the extension what the gate let through; resolves with the packs the page may carry
   * (the extension has injected the story script when there are some).
   */
  suspect: (suspect: Suspect, loaded: boolean) => Promise<readonly CompiledPack[]>;
  /** The story script's offer, once it is in the page. */
  story: () => Story | null;
  /** Ends the recognizer: listeners, observers and timers go away (what it showed stays). */
  signal: AbortSignal;
  /** Wait after the first change of a burst before looking again. */
  debounceMs?: number;
}

/**
 * Where the recognizer records its looks in its own world (the extension's isolated world, which
 * the page's scripts cannot reach): how many are done and the last verdict's kind. The browser
 * tests, the demo and the corpus sweep read it through the DevTools protocol to know that a page
 * was looked at, since a page with no verdict tells the extension nothing.
 */
export const LOOKS = Symbol.for('backstory.looks');

/** What {@link LOOKS} holds. */
export interface Looks {
  count: number;
  /** The last look's verdict kind, or null for none. */
  verdict: string | null;
}

/** How many times `debounceMs` the wait grows to on a page that keeps changing a little. */
const MAX_WAITS = 8;

/** A running recognizer. */
export interface Recognizer {
  /** Looks at the page again soon (debounced). */
  check(): void;
  /** Resolves when the look under way (if any) is done; for tests. */
  settled(): Promise<void>;
}

/** Starts recognizing `doc`: looks once now, then again after address or content changes. */
export function startRecognizer(options: RecognizerOptions): Recognizer {
  const { doc, gate, suspect, story, signal, debounceMs = 400 } = options;
  let lastAddress = doc.location.href;
  let lastTextLength = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let looking: Promise<void> = Promise.resolve();
  let queued = false;

  const look = async () => {
    lastAddress = doc.location.href;
    const screening = screenDocument(doc, gate);
    lastTextLength = screening.textLength;
    let packs: readonly CompiledPack[] = [];
    if (screening.suspect) packs = await suspect(screening.suspect, story() !== null);
    const found = story();
    const verdict = found && packs.length > 0 ? found.judge(doc, packs) : null;
    if (signal.aborted) return;
    found?.present(verdict);
    const looks = (globalThis as Record<symbol, Looks | undefined>)[LOOKS];
    (globalThis as Record<symbol, Looks>)[LOOKS] = {
      count: (looks?.count ?? 0) + 1,
      verdict: verdict?.kind ?? null,
    };
  };
  // One look at a time: a change during a look is looked at once it is done (once, however
  // many changes came meanwhile).
  const check = () => {
    if (signal.aborted || queued) return;
    queued = true;
    looking = looking.then(() => {
      queued = false;
      if (signal.aborted) return;
      return look().catch((error: unknown) => console.warn('Backstory:', error));
    });
  };

  // At most one look per wait, counted from the first change of a burst: a page that never stops
  // changing (a clock, a ticker, an endless feed) must not postpone the look forever, which a
  // timer reset on every change would. The wait doubles after each, up to MAX_WAITS times
  // `debounceMs`, so such a page costs a few looks a minute; a new address (client-side
  // navigation) brings it back to `debounceMs`.
  let wait = debounceMs;
  const schedule = () => {
    // A new address is looked at after `debounceMs`, however long the wait had grown.
    if (doc.location.href !== lastAddress && wait > debounceMs) {
      clearTimeout(timer);
      timer = undefined;
      wait = debounceMs;
    }
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const moved = doc.location.href !== lastAddress;
      wait = moved ? debounceMs : Math.min(wait * 2, debounceMs * MAX_WAITS);
      if (moved) return check();
      // Small DOM changes (ads, clocks) leave the text about the same length: skip those.
      const length = pageTextLength(doc);
      if (Math.abs(length - lastTextLength) > Math.max(200, lastTextLength * 0.1)) check();
    }, wait);
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
  });
  return { check: schedule, settled: () => looking };
}

/** Backstory's own launcher or panel coming or going: not a change of the page's text. */
function isBackstoryChange(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return (
    nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase().startsWith('backstory-'))
  );
}
