/**
 * Owns the panel in its own page (the browser's side panel, or the panel's frame on a page):
 * loading its data, drawing it a piece per frame, focus, and the jumps to sections and cards. The
 * Panel component only takes props; the page's quotes and marks come through small interfaces,
 * reached with messages (see `utils/side-panel/`).
 */
import { createRef, render } from 'preact';
import type { MarksState } from '../../components/MarksControl';
import {
  Panel,
  sectionPieces,
  type NothingActions,
  type NothingPage,
  type PanelState,
} from '../../components/Panel';
import { SECTIONS, type PanelActions } from '../../components/sections';
import type { QuoteActions } from '../../components/PersonCard';
import type { PanelData, Result } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { ENGLISH_MESSAGES, setMessages } from '../i18n/messages';
import { afterNextFrame } from './after-frame';
import type { PageQuotes } from './show-in-article';

/** The settings the panel applies itself (where it sits is its host's business). */
export type PanelSettings = Pick<Settings, 'theme' | 'sections' | 'marks'>;

/** What the panel controller needs. */
export interface PanelControllerOptions {
  /** The panel's page (the browser's side panel, or the panel's frame on a page). */
  doc: Document;
  /** The element the panel is drawn into (`.root` in the panel's styles). */
  container: HTMLElement;
  /** The article's quotes on the page the panel shows (reached with messages). */
  quotes: PageQuotes;
  /** What the panel's close button does (closes the side panel, or hides the frame). */
  close: () => void;
  /** The panel is a page of its own (the browser's side panel; see `PanelProps.standalone`). */
  standalone?: boolean;
  /**
   * Why the page's own features (Show in article, the marks) cannot work now, shown under the
   * panel's header; null when they can.
   */
  notice?: () => string | null;
  /** Fetches the verdict and pack to show, or the stories Backstory knows when it has none. */
  loadData: () => Promise<Result<PanelData>>;
  /**
   * On a page Backstory has nothing for: the page's site, whether the reader made Backstory
   * quiet there, and what the panel's buttons do (open the settings, turn Backstory back on).
   */
  nothing?: NothingActions;
  /**
   * The mention marks on the page, once they exist (for the panel's on/off switch). Without it the
   * panel has no switch; with it the switch shows from the first frame, waiting for the marks
   * (null), unless the page cannot have any (false).
   */
  marks?: () => MarksHandle | null | false;
}

/** What the panel needs of the mention marks (see `createMentionMarks`). */
export interface MarksHandle {
  isEnabled(): boolean;
  setEnabled(on: boolean): void;
  count(): number;
  focusFirst(): boolean;
}

/** A place's or person's card in the panel. */
export interface EntityRef {
  kind: 'place' | 'person';
  id: string;
}

/** The panel's controls. */
export interface PanelController {
  /**
   * Draws the panel (its data, then its pieces frame by frame) the first time; focus moves to its
   * title once it is on screen unless `focus: false` (a panel following a tab switch must not take
   * the reader's focus).
   */
  show(options?: { focus?: boolean }): void;
  /** Shows a place's or person's card, with focus on its name. */
  showEntity(entity: EntityRef): void;
  /** Draws the panel again (after the marks or the page's reachability changed). */
  refresh(): void;
  /** Applies the reader's settings, live: turned-off sections disappear, the theme changes. */
  applySettings(settings: PanelSettings): void;
  destroy(): void;
}

/** Creates the panel controller; nothing is drawn until the panel is first shown. */
export function createPanelController({
  doc,
  container,
  quotes: pageQuotes,
  close,
  standalone = false,
  notice,
  loadData,
  nothing,
  marks,
}: PanelControllerOptions): PanelController {
  let mounted = false;
  let state: PanelState = { status: 'loading' };
  let focusOnReady = true;
  let settings: PanelSettings = DEFAULT_SETTINGS;
  const titleRef = createRef<HTMLHeadingElement>();
  let quotes: QuoteActions = { onPage: null, shown: null, onShow: showQuote };
  // One object until the quotes change, so sections that did not change are not drawn again.
  let actions: PanelActions = { quotes };
  const setQuotes = (next: QuoteActions) => {
    quotes = next;
    actions = { quotes };
  };
  const view = doc.defaultView;
  // How many pieces of the sections are drawn: none with the data (the header and the section
  // headings), then one more after each frame, the Places map first (see `drawRest` and
  // `utils/ui/draw-plan.ts`), so no single task lays out more than a frame's worth of the panel.
  let drawnPieces = Infinity;
  let cancelDraw = () => {};
  let cancelFocus = () => {};

  const marksState = (): MarksState | null => {
    if (!marks) return null;
    const handle = marks();
    if (handle === false) return null;
    // The page is marked just after the panel first draws: until then the switch shows the
    // reader's setting and waits.
    if (!handle)
      return { enabled: settings.marks, count: null, onToggle: () => {}, onBrowse: () => {} };
    return {
      enabled: handle.isEnabled(),
      count: handle.count(),
      onToggle: () => {
        handle.setEnabled(!handle.isEnabled());
        draw();
      },
      onBrowse: () => handle.focusFirst(),
    };
  };

  /** The page's site as the "nothing here" panel shows it, with what its buttons do. */
  const nothingHere = (): NothingPage => ({
    host: nothing?.host() ?? '',
    quiet: nothing?.quiet() ?? false,
    woken: false,
    onSettings: () => nothing?.openSettings(),
    onWake: () => {
      void nothing?.wake().then(() => {
        if (state.status !== 'nothing') return;
        state = { ...state, page: { ...state.page, quiet: false, woken: true } };
        draw();
      });
    },
  });

  const draw = () => {
    if (!mounted) return;
    container.setAttribute('data-theme', settings.theme);
    render(
      <Panel
        state={state}
        onClose={close}
        onJump={jump}
        focusRef={titleRef}
        sections={settings.sections}
        actions={actions}
        marks={marksState()}
        notice={notice?.() ?? null}
        standalone={standalone}
        drawn={drawnPieces}
      />,
      container,
    );
  };
  /** How many pieces the shown sections have in all (0 until the data is in). */
  const totalPieces = () => {
    if (state.status !== 'ready') return 0;
    const shown = SECTIONS.filter((section) => settings.sections[section.id] !== false);
    return sectionPieces(shown, state.pack).reduce((sum, pieces) => sum + pieces, 0);
  };
  // Work waiting for the panel to be drawn (see `whenDrawn`).
  let waiting: (() => void)[] = [];
  const drawn = () => state.status === 'ready' && drawnPieces === Infinity;
  const runWaiting = () => {
    const work = waiting;
    waiting = [];
    for (const run of work) run();
  };
  /** Runs `work` in a task after the frame that shows the last of the panel. */
  function whenDrawn(work: () => void): () => void {
    let cancel = () => {};
    const run = () => (cancel = afterNextFrame(view, work));
    if (drawn()) run();
    else waiting.push(run);
    return () => {
      waiting = waiting.filter((other) => other !== run);
      cancel();
    };
  }
  /** Draws the pieces not drawn yet, one after each frame. */
  const drawRest = () => {
    cancelDraw();
    if (drawnPieces >= totalPieces()) {
      drawnPieces = Infinity;
      layOut();
      runWaiting();
      return;
    }
    cancelDraw = afterNextFrame(view, () => {
      drawnPieces += 1;
      draw();
      drawRest();
    });
  };
  /**
   * Lays the drawn panel out now. The browser gives a frame that is hidden (the panel drawn ahead
   * of the reader's press on a page) no rendering updates until it shows, so its whole layout
   * waited for the press: 20 to 50 ms in one task before the first open showed anything
   * (docs/performance.md, "Opening the panel"). A panel on screen would be laid out at its next
   * frame anyway.
   */
  const layOut = () => void container.getBoundingClientRect();
  /** Draws everything now (before moving to a section or a card). */
  const drawAll = () => {
    if (drawnPieces === Infinity) return;
    cancelDraw();
    drawnPieces = Infinity;
    draw();
    runWaiting();
  };

  let cancelLocate = () => {};
  /**
   * Asks the page for the pack's quotes once the panel is drawn, so the question never delays
   * drawing it.
   */
  const locateQuotes = () => {
    cancelLocate();
    const abort = new AbortController();
    const cancelWait = whenDrawn(() => {
      if (state.status !== 'ready') return;
      const texts = state.pack.people.flatMap((person) => person.quotes.map((q) => q.text));
      pageQuotes.locate(texts, abort.signal).then(
        (onPage) => {
          setQuotes({ ...quotes, onPage });
          draw();
        },
        (error: unknown) => {
          if (!abort.signal.aborted) console.warn('Backstory: quotes not looked for', error);
        },
      );
    });
    cancelLocate = () => {
      cancelWait();
      abort.abort();
    };
  };

  // Focus stays on the button pressed, so keyboard users can go on to the next quote; the
  // highlight stays until another quote is shown or the panel closes.
  function showQuote(text: string) {
    pageQuotes.show(text).then(
      (found) => {
        setQuotes({ ...quotes, shown: { text, found } });
        draw();
      },
      // The page could not be reached: the panel's notice says so.
      () => draw(),
    );
  }

  const focusPanel = () => {
    cancelFocus();
    const target = titleRef.current ?? doc.querySelector<HTMLElement>('button.close');
    target?.focus({ preventScroll: true });
  };
  /**
   * Focuses the panel once what was just drawn is on screen: focusing at once would lay the new
   * content out in the same task as drawing it.
   */
  const focusAfterFrame = () => {
    cancelFocus();
    cancelFocus = afterNextFrame(view, () => {
      cancelFocus = () => {};
      if (focusOnReady) focusPanel();
    });
  };

  const mount = () => {
    mounted = true;
    draw();
    void loadData().then(
      (result) => {
        if (result.ok) {
          // The panel's words, in its language, before anything is drawn with them.
          const { language, messages } = result.value;
          setMessages(language.ui, messages ?? ENGLISH_MESSAGES);
          container.setAttribute('lang', language.ui);
        }
        state = !result.ok
          ? { status: 'error', message: result.error }
          : result.value.verdict
            ? {
                status: 'ready',
                verdict: result.value.verdict,
                pack: result.value.pack,
                language: result.value.language,
              }
            : { status: 'nothing', stories: result.value.stories, page: nothingHere() };
        drawnPieces = 0;
        locateQuotes();
        draw();
        drawRest();
        // Focus follows the content in, unless the panel is only following a tab.
        if (focusOnReady) focusAfterFrame();
      },
      (error: unknown) => {
        state = { status: 'error', message: String(error) };
        draw();
      },
    );
  };

  function jump(sectionId: string) {
    cancelFocus();
    drawAll();
    const section = doc.getElementById(`section-${sectionId}`);
    const heading = section?.querySelector<HTMLElement>('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    // An instant jump: a smooth scroll across a long panel is slow and disorienting.
    section?.scrollIntoView({ behavior: 'auto', block: 'start' });
  }

  return {
    show: ({ focus = true } = {}) => {
      focusOnReady = focus;
      if (!mounted) mount();
      else if (focus && state.status !== 'loading') focusPanel();
    },
    showEntity: ({ kind, id }) => {
      if (!mounted) mount();
      cancelFocus();
      drawAll();
      const card = doc.getElementById(`${kind}-${id}`);
      card?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
      card?.scrollIntoView({ behavior: 'auto', block: 'start' });
    },
    refresh: draw,
    applySettings: (next) => {
      settings = next;
      draw();
    },
    destroy: () => {
      cancelLocate();
      cancelDraw();
      cancelFocus();
      waiting = [];
      pageQuotes.clear();
      render(null, container);
      mounted = false;
    },
  };
}
