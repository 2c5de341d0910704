/**
 * Owns the panel: where it is drawn (its shadow root on the page, or the browser's side panel),
 * open and closed state, focus (saved on open and given back on close), Escape, and loading its
 * data. The Panel component only takes props; the page's quotes and marks come through small
 * interfaces, so the side panel reaches them with messages (see `utils/side-panel/`).
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
import { createPagePush } from './page-push';
import { createShadowHost, deepActiveElement } from './shadow-host';
import { quotesOnPage, type PageQuotes } from './show-in-article';

/** The panel's host element name. */
export const PANEL_TAG = 'backstory-panel';
/** The host attribute that shows the panel (see `style.css`). */
const OPEN_ATTRIBUTE = 'data-open';

/** The settings the panel applies itself (the rest are the content script's business). */
export type PanelSettings = Pick<Settings, 'side' | 'layout' | 'theme' | 'sections' | 'marks'>;

/** Where the panel is drawn. */
export interface PanelSurface {
  /** The element whose attributes place the panel (open, side, layout). */
  host: HTMLElement;
  /** Where the panel's elements are looked up and its keys heard. */
  root: ShadowRoot | Document;
  /** The element the panel is drawn into (`.root` in the panel's styles). */
  container: HTMLElement;
  /** Puts the surface above the page again (see `ShadowHost.raise`). */
  raise(): void;
  destroy(): void;
}

/** The panel's surface on a page: a shadow root in the top layer (see `shadow-host.ts`). */
export function onThePage(doc: Document, css: string): PanelSurface {
  const shadow = createShadowHost(doc, PANEL_TAG, css);
  const container = doc.createElement('div');
  container.className = 'root';
  shadow.root.append(container);
  return { ...shadow, container };
}

/** What the panel controller needs. */
export interface PanelControllerOptions {
  doc: Document;
  css: string;
  /** Makes the surface the panel is drawn in when it first shows (default: {@link onThePage}). */
  mount?: (doc: Document, css: string) => PanelSurface;
  /** The article's quotes on the page (default: this document's, read and shown here). */
  quotes?: PageQuotes;
  /**
   * What the panel's close button does instead of hiding the panel (the browser's side panel
   * closes itself). Escape closes only a panel without it.
   */
  close?: () => void;
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
  /** Opens the panel if closed, closes it if open; returns whether it is now open. */
  toggle(): boolean;
  /**
   * Opens the panel (keeps it open if it is); returns true. Focus moves into it unless
   * `focus: false` (the panel opening by itself must not take the reader's focus).
   */
  show(options?: { focus?: boolean }): boolean;
  /**
   * Draws the panel hidden (its data, then its pieces frame by frame, as on a first open), so the
   * reader's first press later only shows it. No-op once the panel is on the page.
   */
  prepare(): void;
  /** Closes the panel and gives focus back to where it was. */
  hide(): void;
  /** Opens the panel at a place's or person's card, with focus on its name. */
  showEntity(entity: EntityRef): void;
  /** Draws the panel again (after the marks changed). */
  refresh(): void;
  /**
   * Runs `work` once the panel's content is all drawn and on screen (in a task after the frame
   * that shows the last of it), so work on the page never competes with drawing the panel.
   * Returns a function that cancels it.
   */
  whenDrawn(work: () => void): () => void;
  isOpen(): boolean;
  /**
   * Applies the reader's settings, live if the panel is open: turned-off sections disappear, the
   * theme (`data-theme` on the shadow container), the side (`data-side` on the host) and overlay
   * or push (`data-layout` on the host, and the page pushed aside while open).
   */
  applySettings(settings: PanelSettings): void;
  destroy(): void;
}

/** Creates the panel controller; nothing is added to the page until the panel is first shown. */
export function createPanelController({
  doc,
  css,
  mount: makeSurface = onThePage,
  quotes: pageQuotes = quotesOnPage(doc),
  close,
  standalone = false,
  notice,
  loadData,
  nothing,
  marks,
}: PanelControllerOptions): PanelController {
  let shadow: PanelSurface | null = null;
  let container: HTMLElement | null = null;
  let state: PanelState = { status: 'loading' };
  let open = false;
  let focusOnReady = true;
  let returnFocus: Element | null = null;
  let settings: PanelSettings = DEFAULT_SETTINGS;
  const titleRef = createRef<HTMLHeadingElement>();
  const push = createPagePush(doc);
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
    if (!container || !shadow) return;
    shadow.host.setAttribute('data-side', settings.side);
    shadow.host.setAttribute('data-layout', settings.layout);
    container.setAttribute('data-theme', settings.theme);
    render(
      <Panel
        state={state}
        onClose={close ?? hide}
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
      runWaiting();
      return;
    }
    cancelDraw = afterNextFrame(view, () => {
      drawnPieces += 1;
      draw();
      drawRest();
    });
  };
  /** Draws everything now (before moving to a section or a card). */
  const drawAll = () => {
    if (drawnPieces === Infinity) return;
    cancelDraw();
    drawnPieces = Infinity;
    draw();
    runWaiting();
  };
  // A panel that is a page of its own (the side panel) sits beside the page: nothing to push.
  const updatePush = () =>
    push.set(open && !standalone && settings.layout === 'push' ? settings.side : null);

  let cancelLocate = () => {};
  /**
   * Reads the page again for the pack's quotes (it may have changed since the panel last opened)
   * once the panel is drawn, in slices, so a long page never delays it or holds up a frame.
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

  // Focus stays on the button pressed, so keyboard users can go on to the next quote or press
  // Escape; the highlight stays until another quote is shown or the panel closes.
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
    const target = titleRef.current ?? shadow?.root.querySelector<HTMLElement>('button.close');
    target?.focus({ preventScroll: true });
  };
  /**
   * Focuses the panel once what was just drawn is on screen: focusing at once would lay the new
   * content out in the same task as drawing it. Focus still goes in only if the panel is open and
   * did not open by itself.
   */
  const focusAfterFrame = () => {
    cancelFocus();
    // Until focus is in, Escape pressed where it still is (the launcher, the page) closes the
    // panel the reader has just opened, as it will once focus is in.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open || close) return;
      event.stopPropagation();
      hide();
    };
    doc.addEventListener('keydown', onEscape, true);
    const cancelFrame = afterNextFrame(view, () => {
      const focus = open && focusOnReady;
      cancelFocus();
      if (focus) focusPanel();
    });
    cancelFocus = () => {
      cancelFrame();
      doc.removeEventListener('keydown', onEscape, true);
    };
  };

  // Only the controller decides whether the panel shows: a page that sets or removes the open
  // attribute on the host has it put back before the next frame.
  const guard = new MutationObserver(() => syncOpenAttribute());
  const syncOpenAttribute = () => {
    if (!shadow || shadow.host.hasAttribute(OPEN_ATTRIBUTE) === open) return;
    if (open) shadow.host.setAttribute(OPEN_ATTRIBUTE, '');
    else shadow.host.removeAttribute(OPEN_ATTRIBUTE);
  };

  const mount = () => {
    shadow = makeSurface(doc, css);
    guard.observe(shadow.host, { attributes: true, attributeFilter: [OPEN_ATTRIBUTE] });
    container = shadow.container;
    if (!close) {
      shadow.root.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Escape') {
          event.stopPropagation();
          hide();
        }
      });
    }
    draw();
    void loadData().then(
      (result) => {
        if (result.ok) {
          // The panel's words, in its language, before anything is drawn with them.
          const { language, messages } = result.value;
          setMessages(language.ui, messages ?? ENGLISH_MESSAGES);
          container?.setAttribute('lang', language.ui);
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
        // Also when drawn ahead of the press, so it shows with its "Show in article" buttons
        // (showing it looks again, in case the page changed since).
        locateQuotes();
        draw();
        drawRest();
        // Focus follows the content in, unless the panel opened by itself.
        if (open && focusOnReady) focusAfterFrame();
      },
      (error: unknown) => {
        state = { status: 'error', message: String(error) };
        draw();
      },
    );
  };

  const show = ({ focus = true }: { focus?: boolean } = {}) => {
    focusOnReady = focus;
    if (open) {
      if (focus) {
        returnFocus ??= deepActiveElement(doc);
        focusPanel();
      }
      return true;
    }
    returnFocus = focus ? deepActiveElement(doc) : null;
    const first = !shadow;
    if (!shadow) mount();
    else {
      locateQuotes();
      draw();
    }
    open = true;
    syncOpenAttribute();
    shadow?.raise();
    updatePush();
    // The first time, the panel is new: focus goes in once it is on screen.
    if (focus && first) focusAfterFrame();
    else if (focus) focusPanel();
    return true;
  };

  function hide() {
    if (!open) return;
    open = false;
    cancelFocus();
    syncOpenAttribute();
    updatePush();
    pageQuotes.clear();
    setQuotes({ ...quotes, shown: null });
    draw();
    const target = returnFocus as HTMLElement | null;
    returnFocus = null;
    if (target?.isConnected && typeof target.focus === 'function')
      target.focus({ preventScroll: true });
  }

  function jump(sectionId: string) {
    cancelFocus();
    drawAll();
    const section = shadow?.root.getElementById(`section-${sectionId}`);
    const heading = section?.querySelector<HTMLElement>('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    // An instant jump: a smooth scroll across a long panel is slow and disorienting.
    section?.scrollIntoView({ behavior: 'auto', block: 'start' });
  }

  function showEntity({ kind, id }: EntityRef) {
    show();
    cancelFocus();
    drawAll();
    const card = shadow?.root.getElementById(`${kind}-${id}`);
    card?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
    card?.scrollIntoView({ behavior: 'auto', block: 'start' });
  }

  return {
    toggle: () => (open ? (hide(), false) : show()),
    show,
    prepare: () => {
      if (!shadow) mount();
    },
    hide,
    showEntity,
    refresh: draw,
    whenDrawn,
    isOpen: () => open,
    applySettings: (next) => {
      settings = next;
      draw();
      updatePush();
    },
    destroy: () => {
      guard.disconnect();
      push.set(null);
      cancelLocate();
      cancelDraw();
      cancelFocus();
      waiting = [];
      pageQuotes.clear();
      if (container) render(null, container);
      shadow?.destroy();
      shadow = null;
      container = null;
      open = false;
    },
  };
}
