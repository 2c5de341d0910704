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
import { pageTextLength, screenAdded, screenDocument, type Screening } from './screen-page';
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
  // Most pages end with the first look: the gate stops them and no story script is in. They get
  // a quiet watch, and the recognizer's machinery (its state, its looks, its timers) only when
  // they change: built on every page, it and reading `location` cost a page about a quarter of
  // a millisecond cold (docs/performance.md).
  if (options.story() === null) {
    let first: Screening | null = null;
    try {
      first = screenDocument(options.doc, options.gate);
    } catch (error) {
      warn(error);
    }
    if (first && !isSuspect(first.found)) return watchQuietly(options, first);
    if (first) return new PageRecognizer(options, { screening: first, looks: null });
  }
  return new PageRecognizer(options);
}

/**
 * Records a look in {@link LOOKS}: on the global object at the first look, then updated in place
 * (the isolated world's global object is slow to write to).
 */
function recordLook(looks: Looks | null, verdict: string | null): Looks {
  if (!looks) (globalThis as Record<symbol, Looks>)[LOOKS] = looks = { count: 0, verdict };
  looks.count += 1;
  looks.verdict = verdict;
  return looks;
}

/**
 * The watch on a page the first look found quiet (`first`: the gate stopped it, no story script
 * in it): an observer and a listener that hand the page to a {@link PageRecognizer} at its first
 * change, with what the first look found, as if it had been there from the start.
 */
function watchQuietly(options: RecognizerOptions, first: Screening): Recognizer {
  const looks = recordLook(null, null);
  let recognizer: PageRecognizer | null = null;
  let stopped = false;
  const wake = () => {
    if (!recognizer) {
      unwatch();
      recognizer = new PageRecognizer(options, { screening: first, looks });
    }
    return recognizer;
  };
  const check = () => {
    if (!stopped) wake().check();
  };
  const unwatch = watchPage(
    options.doc,
    (records) => {
      if (!stopped) wake().changed(records);
    },
    check,
  );
  return {
    check,
    settled: () => recognizer?.settled() ?? Promise.resolve(),
    stop: () => {
      stopped = true;
      if (recognizer) recognizer.stop();
      else unwatch();
    },
  };
}

/**
 * Calls `changed` with the records of every change to `doc` and `navigated` at every history
 * navigation (`popstate`); returns what ends the watch. The whole document, not <body>: pages
 * that replace `document.body` (single-page apps, re-rendering frameworks) must be checked again
 * too.
 */
function watchPage(
  doc: Document,
  changed: (records: MutationRecord[]) => void,
  navigated: () => void,
): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const view = doc.defaultView;
  view?.addEventListener('popstate', navigated);
  return () => {
    observer.disconnect();
    view?.removeEventListener('popstate', navigated);
  };
}

/** Where a recognizer starts from: a first look done (and recorded, when `looks` is given). */
interface FirstLook {
  screening: Screening;
  looks: Looks | null;
}

/**
 * A class, not closures: V8 compiles a function when it is first called, and a page calls only
 * the methods its changes need. As one function of closures, the recognizer's whole body was
 * compiled on every page at its first call (about 0.3 ms a page in a profile;
 * docs/performance.md).
 */
class PageRecognizer implements Recognizer {
  private readonly options: RecognizerOptions;
  private readonly doc: Document;
  private readonly debounceMs: number;
  private stopped = false;
  // Once in, the story script stays: it is looked for until then, not at every change.
  private storyScript: Story | null = null;
  private lastAddress: string;
  private lastTextLength = -1;
  // What the gate found at this address: in the whole page, then in what was added since.
  private addresses: string[] = [];
  private names = new Set<string>();
  private added: NodeList[] = [];
  private overflowed = false;
  // The suspect the extension last found no story for: not asked about again.
  private unanswered = '';
  private looks: Looks | null = null;
  // One look at a time: a change during a look is looked at once it is done (once, however
  // many changes came meanwhile; whole if any of them asked for that).
  private queued: 'all' | 'added' | null = null;
  private looking: Promise<void> = Promise.resolve();
  // At most one look per wait, counted from the first change of a burst (see `tick`).
  private wait: number;
  private due = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unwatch: () => void;

  /** Looks at the page now, or takes the `first` look done (see {@link startRecognizer}). */
  constructor(options: RecognizerOptions, first?: FirstLook) {
    this.options = options;
    this.doc = options.doc;
    this.debounceMs = this.wait = options.debounceMs ?? 400;
    // The page's address is read as `document.URL`, not `location.href`: the same string, but
    // reading `location` builds its object in this world, on every page (docs/performance.md).
    this.lastAddress = first?.screening.address ?? this.doc.URL;
    this.looks = first?.looks ?? null;
    // The first look's reading of the page comes first: whatever touches the page's DOM first in
    // this world pays for setting it up, and the observer can wait until the text is read.
    try {
      // A quiet page's first look is done and recorded; a suspect's is yet to be acted on.
      if (first?.looks) this.remember(first.screening);
      else {
        const look = first ? this.take(first.screening, false) : this.lookAtAll();
        this.looking = look?.catch(warn) ?? this.looking;
      }
    } catch (error) {
      warn(error);
    }
    this.unwatch = watchPage(this.doc, (records) => this.changed(records), this.check);
  }

  /** Looks at the page again soon (debounced); a listener, hence a field. */
  readonly check = () => {
    this.schedule();
  };

  settled(): Promise<void> {
    return this.looking;
  }

  stop(): void {
    this.stopped = true;
    this.unwatch();
    clearTimeout(this.timer);
  }

  private story(): Story | null {
    return (this.storyScript ??= this.options.story());
  }

  private record(verdict: string | null): void {
    this.looks = recordLook(this.looks, verdict);
  }

  /**
   * Looks at the page's address and lead (its whole text once a story script is in). A page the
   * gate stops, with no story script in it (most pages), is done at once: no message, and no
   * promise or async function to compile for nothing.
   */
  private lookAtAll(): Promise<void> | undefined {
    // Once a story script is in, it judges the whole page: the gate reads it whole too, and the
    // page's length is what later looks compare with.
    const whole = this.story() !== null;
    return this.take(screenDocument(this.doc, this.options.gate, whole), whole);
  }

  /** Takes a look's `screening` as the page's state, and acts on it. */
  private take(screening: Screening, whole: boolean): Promise<void> | undefined {
    this.remember(screening);
    // The gate reports each name once: what it found is the suspect as it stands.
    const onPage: Suspect = screening.found;
    if (!whole && !isSuspect(onPage)) {
      this.record(null);
      return;
    }
    // The story script may come in with this look: later looks then compare with its whole text.
    return this.judge(onPage, whole).then(() => {
      if (!whole && this.story() !== null) this.lastTextLength = pageTextLength(this.doc);
    });
  }

  /** Takes a look's `screening` as the page's state: what later looks compare with and add to. */
  private remember(screening: Screening): void {
    this.lastAddress = screening.address;
    this.added = [];
    this.overflowed = false;
    this.lastTextLength = screening.textLength;
    this.addresses = screening.found.addresses;
    this.names = new Set(screening.found.names);
  }

  /** Asks the extension about a suspect and has the story script judge the page, if it is in. */
  private async judge(onPage: Suspect, loaded: boolean): Promise<void> {
    let packs: readonly CompiledPack[] = [];
    const key = `${onPage.addresses.join(' ')}|${onPage.names.join(' ')}`;
    if (isSuspect(onPage) && (loaded || key !== this.unanswered)) {
      packs = await this.options.suspect(onPage, loaded);
      this.unanswered = packs.length > 0 ? '' : key;
    }
    const present = this.story();
    const verdict = present && packs.length > 0 ? present.judge(this.doc, packs) : null;
    if (this.stopped) return;
    present?.present(verdict);
    this.record(verdict?.kind ?? null);
  }

  // Small DOM changes (ads, clocks) leave the text about the same length.
  private changedMarkedly(): boolean {
    const length = pageTextLength(this.doc);
    const last = this.lastTextLength;
    return Math.abs(length - last) > Math.max(200, last * 0.1);
  }

  private async lookAtAdded(): Promise<void> {
    const nodes = this.added;
    this.added = [];
    // The story script came in while this look waited: its page is judged whole.
    if (this.story() !== null) {
      if (this.changedMarkedly()) await this.lookAtAll();
      return;
    }
    const { names } = this;
    const before = names.size;
    for (const name of screenAdded(nodes, this.options.gate)) {
      if (names.size < MAX_NAMES) names.add(name);
    }
    // New names that make the page a suspect: the whole page is looked at before anything is
    // asked, so that the extension hears what the page holds now.
    if (names.size > before && isSuspect({ addresses: this.addresses, names: [...names] })) {
      await this.lookAtAll();
    } else {
      this.record(null);
    }
  }

  private lookAgain(kind: 'all' | 'added'): void {
    if (this.stopped) return;
    if (this.queued) {
      if (kind === 'all') this.queued = 'all';
      return;
    }
    this.queued = kind;
    this.looking = this.looking
      .then(() => {
        const whole = this.queued === 'all';
        this.queued = null;
        if (this.stopped) return;
        return whole ? this.lookAtAll() : this.lookAtAdded();
      })
      .catch(warn);
  }

  // At most one look per wait, counted from the first change of a burst: a page that never stops
  // changing (a clock, a ticker, an endless feed) must not postpone the look forever, which a
  // timer reset on every change would. The wait doubles after each, up to MAX_WAITS times
  // `debounceMs`, so such a page costs a few looks a minute. A new address (client-side
  // navigation) is looked at after `debounceMs` however long the wait had grown, and brings it
  // back to `debounceMs`: while a look waits, the address is read every `debounceMs` (reading it
  // at every change cost a busy page more than the looks).
  private readonly tick = () => {
    this.timer = undefined;
    const { debounceMs } = this;
    const moved = this.doc.URL !== this.lastAddress;
    const early = this.due - Date.now();
    if (!moved && early > 0) {
      this.timer = setTimeout(this.tick, Math.min(debounceMs, early));
      return;
    }
    this.wait = moved ? debounceMs : Math.min(this.wait * 2, debounceMs * MAX_WAITS);
    if (moved || this.overflowed) return this.lookAgain('all');
    if (this.story() === null) return this.lookAgain('added');
    this.added = [];
    if (this.changedMarkedly()) this.lookAgain('all');
  };

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.due = Date.now() + this.wait;
    this.timer = setTimeout(this.tick, this.debounceMs);
  }

  /** Takes the page's changes, as the observer gives them (also from {@link watchQuietly}'s). */
  changed(records: MutationRecord[]): void {
    // No story script yet, so none of Backstory's elements either: every change is the page's.
    // The nodes are kept as the lists the records give, read only when looked at (touching each
    // node here cost a ticking page more than all its looks).
    if (this.story() === null) {
      for (const record of records) {
        if (this.added.length < MAX_ADDED) this.added.push(record.addedNodes);
        else this.overflowed = true;
      }
      this.schedule();
      return;
    }
    const changed = records.some(({ addedNodes, removedNodes }) =>
      [...addedNodes, ...removedNodes].some((node) => !isOwn(node)),
    );
    if (changed) this.schedule();
  }
}

function warn(error: unknown): void {
  console.warn('Backstory:', error);
}

/** Backstory's own launcher or panel: its coming and going is no change of the page's text. */
function isOwn(node: Node): boolean {
  return node.nodeName.toLowerCase().startsWith('backstory-');
}
