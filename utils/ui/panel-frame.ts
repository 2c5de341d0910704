/**
 * The panel on a page: the extension's own panel page (`sidepanel.html?in=page`) in a frame,
 * inside a closed shadow root in the top layer. The page's scripts cannot reach into the shadow
 * root, and the frame is the extension's origin, drawn in the extension's own process: nothing of
 * Backstory's text or data is in the page's DOM, before or after the reader opens it. The frame's
 * address is the browser's per-session one (`use_dynamic_url`), so a page probing the extension's
 * addresses learns nothing either.
 *
 * This side owns only what the page must do: the frame's place (side, bottom sheet, pushing the
 * page aside), open or closed, and focus (saved on open, given back on close, Escape pressed on
 * the page before focus is in). The panel itself, its data and its work with the page's quotes
 * and marks are the frame's (see `utils/side-panel/app.ts`).
 */
import type { Settings } from '../settings';
import { createPagePush } from './page-push';
import { createShadowHost, deepActiveElement, type ShadowHost } from './shadow-host';

/** The panel's host element name. */
export const PANEL_TAG = 'backstory-panel';
/** The host attribute that shows the panel (see `layout.css`). */
const OPEN_ATTRIBUTE = 'data-open';

/** The settings that place the frame. */
export type FrameSettings = Pick<Settings, 'side' | 'layout' | 'theme'>;

export interface PanelFrameOptions {
  doc: Document;
  /** The host's styles (its place, the frame's edge). */
  css: string;
  /** The frame's address (`runtime.getURL`, the browser's per-session one). */
  src: string;
  /** The frame's accessible name. */
  title: string;
  /** Asks the frame to move focus to the panel's title (the frame has focus already). */
  focusPanel: () => void;
  /** The panel closed: the page's highlight goes with it. */
  onHide?: () => void;
}

/** The panel's frame on a page. */
export interface PanelFrame {
  /**
   * Opens the panel (no-op when open); focus goes in unless `focus: false`. Opened without focus
   * (by itself) before the frame's page has started, it shows once that page has, so the reader
   * never sees an empty frame; it counts as open meanwhile.
   */
  show(options?: { focus?: boolean }): void;
  /** Closes it and gives focus back to where it was. */
  hide(): void;
  /** Opens it if closed, closes it if open; returns whether it is now open. */
  toggle(): boolean;
  /** Puts the frame on the page, hidden, so that it draws ahead of the reader's press. */
  prepare(): void;
  isOpen(): boolean;
  /** Whether the reader has opened it on this page. */
  everOpened(): boolean;
  /**
   * The frame's page has started: whether it should take focus (the reader opened the panel with
   * focus before it had loaded). Asked once.
   */
  takeFocus(): boolean;
  applySettings(settings: FrameSettings): void;
  destroy(): void;
}

/** Creates the panel's frame controller; nothing is added to the page until `prepare` or `show`. */
export function createPanelFrame(options: PanelFrameOptions): PanelFrame {
  const { doc } = options;
  let shadow: ShadowHost | null = null;
  let frame: HTMLIFrameElement | null = null;
  let open = false;
  let opened = false;
  // The frame's page has started and asked whether to take focus (see `takeFocus`).
  let ready = false;
  // Opened by itself before the frame's page had started: shown when it starts (see `show`).
  let waiting = false;
  let returnFocus: Element | null = null;
  // Focus asked for before the frame's page had started: given when it asks (`takeFocus`). Until
  // then focus stays on the page, where Escape still closes the panel.
  let focusOnLoad = false;
  let settings: FrameSettings = { side: 'right', layout: 'overlay', theme: 'system' };
  const push = createPagePush(doc);

  // Only this controller decides whether the panel shows: a page that sets or removes the open
  // attribute on the host has it put back before the next frame.
  const guard = new MutationObserver(() => syncHost());
  const syncHost = () => {
    if (!shadow) return;
    const { host } = shadow;
    if (host.hasAttribute(OPEN_ATTRIBUTE) !== open) host.toggleAttribute(OPEN_ATTRIBUTE, open);
    for (const [name, value] of [
      ['data-side', settings.side],
      ['data-layout', settings.layout],
      ['data-theme', settings.theme],
    ] as const) {
      if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    }
  };
  const updatePush = () => push.set(open && settings.layout === 'push' ? settings.side : null);

  // Until focus is in the frame, Escape pressed where it still is (the launcher, the page) closes
  // the panel the reader has just opened, as it does once focus is in.
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    hide();
  };

  const mount = () => {
    if (shadow) return;
    shadow = createShadowHost(doc, PANEL_TAG, options.css);
    frame = doc.createElement('iframe');
    frame.src = options.src;
    frame.title = options.title;
    shadow.root.append(frame);
    syncHost();
    guard.observe(shadow.host, { attributes: true });
  };

  const focusIn = () => {
    if (!frame) return;
    if (!ready) {
      focusOnLoad = true;
      return;
    }
    // Focus moves into the frame's document; the frame puts it on the panel's title (at once when
    // the panel is drawn, else when it is).
    frame.focus();
    options.focusPanel();
  };

  const show = ({ focus = true }: { focus?: boolean } = {}) => {
    mount();
    // Until its page has started, the frame is empty (the browser is still loading the
    // extension's page in its own process, a few hundred ms on a slow machine): a panel opening by
    // itself waits for it; the reader's press shows it at once, as an answer to the press.
    if (!focus && !ready && !open) {
      waiting = true;
      return;
    }
    waiting = false;
    if (focus && !open) returnFocus = deepActiveElement(doc);
    if (!open) {
      open = true;
      opened = true;
      syncHost();
      shadow?.raise();
      updatePush();
      doc.addEventListener('keydown', onEscape, true);
    }
    if (focus) focusIn();
  };

  function hide() {
    waiting = false;
    if (!open) return;
    open = false;
    doc.removeEventListener('keydown', onEscape, true);
    syncHost();
    updatePush();
    options.onHide?.();
    const target = returnFocus as HTMLElement | null;
    returnFocus = null;
    if (target?.isConnected && typeof target.focus === 'function') {
      target.focus({ preventScroll: true });
    } else if (shadow?.root.activeElement || doc.activeElement === shadow?.host) {
      // Focus was in the hidden frame: leave it on the page, not in something invisible.
      (doc.activeElement as HTMLElement | null)?.blur();
    }
  }

  return {
    show,
    hide,
    toggle: () => {
      if (open) hide();
      else show();
      return open;
    },
    prepare: mount,
    isOpen: () => open || waiting,
    everOpened: () => opened,
    takeFocus: () => {
      ready = true;
      if (waiting) show({ focus: false });
      const focus = focusOnLoad && open;
      focusOnLoad = false;
      if (focus) frame?.focus();
      return focus;
    },
    applySettings: (next) => {
      settings = next;
      syncHost();
      updatePush();
    },
    destroy: () => {
      doc.removeEventListener('keydown', onEscape, true);
      guard.disconnect();
      push.set(null);
      shadow?.destroy();
      shadow = null;
      frame = null;
      ready = false;
      waiting = false;
      open = false;
    },
  };
}
