/**
 * Owns the panel on the page: its shadow root, open and closed state, focus (saved on open and
 * given back on close), Escape, and loading its data. The Panel component only takes props.
 */
import { createRef, render } from 'preact';
import type { MarksState } from '../../components/MarksControl';
import { Panel, type PanelState } from '../../components/Panel';
import { SECTIONS, type PanelActions } from '../../components/sections';
import type { QuoteActions } from '../../components/PersonCard';
import type { Result } from '../messages';
import type { Pack } from '../packs/types';
import type { Verdict } from '../recognition/verdict';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { createPagePush } from './page-push';
import { createShadowHost, deepActiveElement, type ShadowHost } from './shadow-host';
import { createQuoteHighlighter } from './show-in-article';

/** The panel's host element name. */
export const PANEL_TAG = 'backstory-panel';
/** The host attribute that shows the panel (see `style.css`). */
const OPEN_ATTRIBUTE = 'data-open';

/** The settings the panel applies itself (the rest are the content script's business). */
export type PanelSettings = Pick<Settings, 'side' | 'layout' | 'theme' | 'sections' | 'marks'>;

/** What the panel controller needs. */
export interface PanelControllerOptions {
  doc: Document;
  css: string;
  /** Fetches the verdict and pack to show. */
  loadData: () => Promise<Result<{ verdict: Verdict; pack: Pack }>>;
  /**
   * The mention marks on the page, once they exist (for the panel's on/off switch). Without it the
   * panel has no switch; with it the switch shows from the first frame, waiting for the marks.
   */
  marks?: () => MarksHandle | null;
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
  /** Closes the panel and gives focus back to where it was. */
  hide(): void;
  /** Opens the panel at a place's or person's card, with focus on its name. */
  showEntity(entity: EntityRef): void;
  /** Draws the panel again (after the marks changed). */
  refresh(): void;
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
  loadData,
  marks,
}: PanelControllerOptions): PanelController {
  let shadow: ShadowHost | null = null;
  let container: HTMLElement | null = null;
  let state: PanelState = { status: 'loading' };
  let open = false;
  let focusOnReady = true;
  let returnFocus: Element | null = null;
  let settings: PanelSettings = DEFAULT_SETTINGS;
  const titleRef = createRef<HTMLHeadingElement>();
  const push = createPagePush(doc);
  const highlighter = createQuoteHighlighter({ doc });
  let quotes: QuoteActions = { onPage: null, shown: null, onShow: showQuote };
  // One object until the quotes change, so sections that did not change are not drawn again.
  let actions: PanelActions = { quotes };
  const setQuotes = (next: QuoteActions) => {
    quotes = next;
    actions = { quotes };
  };
  // How many sections have their content drawn: the first with the data, then one more per task
  // (see `drawRest`), so no single task lays out the whole panel.
  let drawnSections = Infinity;
  let drawTimer: ReturnType<typeof setTimeout> | undefined;

  const marksState = (): MarksState | null => {
    if (!marks) return null;
    const handle = marks();
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

  const draw = () => {
    if (!container || !shadow) return;
    shadow.host.setAttribute('data-side', settings.side);
    shadow.host.setAttribute('data-layout', settings.layout);
    container.setAttribute('data-theme', settings.theme);
    render(
      <Panel
        state={state}
        onClose={hide}
        onJump={jump}
        focusRef={titleRef}
        sections={settings.sections}
        actions={actions}
        marks={marksState()}
        drawn={drawnSections}
      />,
      container,
    );
  };
  /** Draws the sections not drawn yet, one per task. */
  const drawRest = () => {
    clearTimeout(drawTimer);
    if (drawnSections >= SECTIONS.length) return;
    drawTimer = setTimeout(() => {
      drawnSections += 1;
      draw();
      drawRest();
    }, 0);
  };
  /** Draws every section now (before moving to one). */
  const drawAll = () => {
    if (drawnSections >= SECTIONS.length) return;
    clearTimeout(drawTimer);
    drawnSections = Infinity;
    draw();
  };
  const updatePush = () => push.set(open && settings.layout === 'push' ? settings.side : null);

  let locateTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Reads the page again for the pack's quotes (it may have changed since the panel last opened),
   * just after the panel has drawn, so a long page never delays it.
   */
  const locateQuotes = () => {
    clearTimeout(locateTimer);
    locateTimer = setTimeout(() => {
      if (state.status !== 'ready') return;
      const texts = state.pack.people.flatMap((person) => person.quotes.map((q) => q.text));
      setQuotes({ ...quotes, onPage: highlighter.locate(texts) });
      draw();
    }, 0);
  };

  // Focus stays on the button pressed, so keyboard users can go on to the next quote or press
  // Escape; the highlight stays until another quote is shown or the panel closes.
  function showQuote(text: string) {
    const found = highlighter.show(text);
    setQuotes({ ...quotes, shown: { text, found } });
    draw();
  }

  const focusPanel = () => {
    const target = titleRef.current ?? shadow?.root.querySelector<HTMLElement>('button.close');
    target?.focus({ preventScroll: true });
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
    shadow = createShadowHost(doc, PANEL_TAG, css);
    guard.observe(shadow.host, { attributes: true, attributeFilter: [OPEN_ATTRIBUTE] });
    container = doc.createElement('div');
    container.className = 'root';
    shadow.root.append(container);
    shadow.root.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Escape') {
        event.stopPropagation();
        hide();
      }
    });
    draw();
    void loadData().then(
      (result) => {
        state = result.ok
          ? { status: 'ready', ...result.value }
          : { status: 'error', message: result.error };
        drawnSections = 1;
        locateQuotes();
        draw();
        drawRest();
        // Focus follows the content in, unless the panel opened by itself.
        if (open && focusOnReady) focusPanel();
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
    if (!shadow) mount();
    else {
      locateQuotes();
      draw();
    }
    open = true;
    syncOpenAttribute();
    shadow?.raise();
    updatePush();
    if (focus) focusPanel();
    return true;
  };

  function hide() {
    if (!open) return;
    open = false;
    syncOpenAttribute();
    updatePush();
    highlighter.clear();
    setQuotes({ ...quotes, shown: null });
    draw();
    const target = returnFocus as HTMLElement | null;
    returnFocus = null;
    if (target?.isConnected && typeof target.focus === 'function')
      target.focus({ preventScroll: true });
  }

  function jump(sectionId: string) {
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
    drawAll();
    const card = shadow?.root.getElementById(`${kind}-${id}`);
    card?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
    card?.scrollIntoView({ behavior: 'auto', block: 'start' });
  }

  return {
    toggle: () => (open ? (hide(), false) : show()),
    show,
    hide,
    showEntity,
    refresh: draw,
    isOpen: () => open,
    applySettings: (next) => {
      settings = next;
      draw();
      updatePush();
    },
    destroy: () => {
      guard.disconnect();
      push.set(null);
      clearTimeout(locateTimer);
      clearTimeout(drawTimer);
      highlighter.clear();
      if (container) render(null, container);
      shadow?.destroy();
      shadow = null;
      container = null;
      open = false;
    },
  };
}
