/**
 * The page side of recognition, on every page: puts the page to the gate and, only when the gate
 * lets it through, asks the extension which packs it may carry and has the story script judge it
 * (see `story.ts`). A page the gate stops costs the look and nothing else: no message, no script.
 *
 * Looks again, at most once per wait, when the page changes. A new address (client-side
 * navigation) or a page too changed to follow node by node gets a first look again (its address
 * and lead, see `screen-page.ts`; its whole text once a story script is in). Otherwise, as long
 * as no story script is in the page, only the nodes added since the last look are read, and their
 * names join what the gate found before: a page that never stops growing (a live ticker, an
 * endless feed) costs what it adds, not its whole text at every look. Once a story script is in,
 * the page's whole text is judged again when it grows or shrinks markedly, so that a verdict also
 * goes when its content does.
 */
import type { CompiledPack } from '../recognition/compiled';
import { isSuspect, MAX_NAMES, type PageGate, type Suspect } from '../recognition/gate';
import { pageTextLength, screenAdded, screenDocument } from './screen-page';
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

/** The most lists of added nodes kept for the next look; beyond them the page is looked at whole. */
const MAX_ADDED = 2_000;

/** A running recognizer. */
export interface Recognizer {
  /** Looks at the page again soon (debounced). */
  check(): void;
  /** Resolves when the look under way (if any) is done; for tests. */
  settled(): Promise<void>;
  /** Ends it: its observer, listener and timer go away (what it showed stays). */
  stop(): void;
}

/** Starts recognizing `doc`: looks once now, then again after address or content changes. */
export function startRecognizer(options: RecognizerOptions): Recognizer {
  const { doc, gate, suspect, debounceMs = 400 } = options;
  let stopped = false;
  // Once in, the story script stays: it is looked for until then, not at every change.
  let storyScript: Story | null = null;
  const story = () => (storyScript ??= options.story());
  let lastAddress = doc.location.href;
  let lastTextLength = -1;
  // What the gate found at this address: in the whole page, then in what was added since.
  let addresses: string[] = [];
  const names = new Set<string>();
  let added: NodeList[] = [];
  let overflowed = false;
  // The suspect the extension last found no story for: not asked about again.
  let unanswered = '';

  // Put on the global object at the first look done, then updated in place: the isolated
  // world's global object is slow to write to.
  let looks: Looks | null = null;
  const record = (verdict: string | null) => {
    if (!looks) (globalThis as Record<symbol, Looks>)[LOOKS] = looks = { count: 0, verdict };
    looks.count += 1;
    looks.verdict = verdict;
  };

  const judge = async () => {
    const onPage: Suspect = { addresses, names: [...names] };
    const loaded = story() !== null;
    let packs: readonly CompiledPack[] = [];
    const key = `${onPage.addresses.join(' ')}|${onPage.names.join(' ')}`;
    if (isSuspect(onPage) && (loaded || key !== unanswered)) {
      packs = await suspect(onPage, loaded);
      unanswered = packs.length > 0 ? '' : key;
    }
    const present = story();
    const verdict = present && packs.length > 0 ? present.judge(doc, packs) : null;
    if (stopped) return;
    present?.present(verdict);
    record(verdict?.kind ?? null);
  };

  const lookAtAll = async () => {
    lastAddress = doc.location.href;
    added = [];
    overflowed = false;
    // Once a story script is in, it judges the whole page: the gate reads it whole too, and the
    // page's length is what later looks compare with.
    const whole = story() !== null;
    const screening = screenDocument(doc, gate, whole);
    lastTextLength = screening.textLength;
    addresses = screening.found.addresses;
    names.clear();
    for (const name of screening.found.names) names.add(name);
    await judge();
    if (!whole && story() !== null) lastTextLength = pageTextLength(doc);
  };

  // Small DOM changes (ads, clocks) leave the text about the same length.
  const changedMarkedly = () => {
    const length = pageTextLength(doc);
    return Math.abs(length - lastTextLength) > Math.max(200, lastTextLength * 0.1);
  };

  const lookAtAdded = async () => {
    const nodes = added;
    added = [];
    // The story script came in while this look waited: its page is judged whole.
    if (story() !== null) {
      if (changedMarkedly()) await lookAtAll();
      return;
    }
    const before = names.size;
    for (const name of screenAdded(nodes, gate)) if (names.size < MAX_NAMES) names.add(name);
    // New names that make the page a suspect: the whole page is looked at before anything is
    // asked, so that the extension hears what the page holds now.
    if (names.size > before && isSuspect({ addresses, names: [...names] })) await lookAtAll();
    else record(null);
  };

  // One look at a time: a change during a look is looked at once it is done (once, however
  // many changes came meanwhile; whole if any of them asked for that).
  let queued: 'all' | 'added' | null = null;
  let looking: Promise<void> = Promise.resolve();
  const check = (kind: 'all' | 'added') => {
    if (stopped) return;
    if (queued) {
      if (kind === 'all') queued = 'all';
      return;
    }
    queued = kind;
    looking = looking.then(() => {
      const look = queued === 'all' ? lookAtAll : lookAtAdded;
      queued = null;
      if (stopped) return;
      return look().catch((error: unknown) => console.warn('Backstory:', error));
    });
  };

  // At most one look per wait, counted from the first change of a burst: a page that never stops
  // changing (a clock, a ticker, an endless feed) must not postpone the look forever, which a
  // timer reset on every change would. The wait doubles after each, up to MAX_WAITS times
  // `debounceMs`, so such a page costs a few looks a minute. A new address (client-side
  // navigation) is looked at after `debounceMs` however long the wait had grown, and brings it
  // back to `debounceMs`: while a look waits, the address is read every `debounceMs` (reading it
  // at every change cost a busy page more than the looks).
  let wait = debounceMs;
  let due = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    timer = undefined;
    const moved = doc.location.href !== lastAddress;
    const early = due - Date.now();
    if (!moved && early > 0) {
      timer = setTimeout(tick, Math.min(debounceMs, early));
      return;
    }
    wait = moved ? debounceMs : Math.min(wait * 2, debounceMs * MAX_WAITS);
    if (moved || overflowed) return check('all');
    if (story() === null) return check('added');
    added = [];
    if (changedMarkedly()) check('all');
  };
  const schedule = () => {
    if (timer !== undefined) return;
    due = Date.now() + wait;
    timer = setTimeout(tick, debounceMs);
  };

  // The first look's reading of the page comes first: whatever touches the page's DOM first in
  // this world pays for setting it up, and the observer can wait until the text is read.
  looking = lookAtAll().catch((error: unknown) => console.warn('Backstory:', error));
  // The whole document, not <body>: pages that replace `document.body` (single-page apps,
  // re-rendering frameworks) must be checked again too.
  const observer = new MutationObserver((records) => {
    // No story script yet, so none of Backstory's elements either: every change is the page's.
    // The nodes are kept as the lists the records give, read only when looked at (touching each
    // node here cost a ticking page more than all its looks).
    if (story() === null) {
      for (const record of records) {
        if (added.length < MAX_ADDED) added.push(record.addedNodes);
        else overflowed = true;
      }
      return schedule();
    }
    const changed = records.some(({ addedNodes, removedNodes }) =>
      [...addedNodes, ...removedNodes].some((node) => !isOwn(node)),
    );
    if (changed) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  doc.defaultView?.addEventListener('popstate', schedule);
  const stop = () => {
    stopped = true;
    observer.disconnect();
    doc.defaultView?.removeEventListener('popstate', schedule);
    clearTimeout(timer);
  };
  return { check: schedule, settled: () => looking, stop };
}

/** Backstory's own launcher or panel: its coming and going is no change of the page's text. */
function isOwn(node: Node): boolean {
  return node.nodeName.toLowerCase().startsWith('backstory-');
}
