/**
 * Owns the panel on the page: its shadow root, open and closed state, focus (saved on open and
 * given back on close), Escape, and loading its data. The Panel component only takes props.
 */
import { createRef, render } from 'preact';
import { Panel, type PanelState } from '../../components/Panel';
import type { Result } from '../messages';
import type { Pack } from '../packs/types';
import type { Verdict } from '../recognition/verdict';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { createPagePush } from './page-push';
import { createShadowHost, deepActiveElement, type ShadowHost } from './shadow-host';

/** The panel's host element name. */
export const PANEL_TAG = 'backstory-panel';
/** The host attribute that shows the panel (see `style.css`). */
const OPEN_ATTRIBUTE = 'data-open';

/** The settings the panel applies itself (the rest are the content script's business). */
export type PanelSettings = Pick<Settings, 'side' | 'layout' | 'theme' | 'sections'>;

/** What the panel controller needs. */
export interface PanelControllerOptions {
  doc: Document;
  css: string;
  /** Fetches the verdict and pack to show. */
  loadData: () => Promise<Result<{ verdict: Verdict; pack: Pack }>>;
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
      />,
      container,
    );
  };
  const updatePush = () => push.set(open && settings.layout === 'push' ? settings.side : null);

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
        draw();
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
    const target = returnFocus as HTMLElement | null;
    returnFocus = null;
    if (target?.isConnected && typeof target.focus === 'function')
      target.focus({ preventScroll: true });
  }

  function jump(sectionId: string) {
    const section = shadow?.root.getElementById(`section-${sectionId}`);
    const heading = section?.querySelector<HTMLElement>('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
    // An instant jump: a smooth scroll across a long panel is slow and disorienting.
    section?.scrollIntoView({ behavior: 'auto', block: 'start' });
  }

  return {
    toggle: () => (open ? (hide(), false) : show()),
    show,
    hide,
    isOpen: () => open,
    applySettings: (next) => {
      settings = next;
      draw();
      updatePush();
    },
    destroy: () => {
      guard.disconnect();
      push.set(null);
      if (container) render(null, container);
      shadow?.destroy();
      shadow = null;
      container = null;
      open = false;
    },
  };
}
