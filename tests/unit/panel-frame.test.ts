// @vitest-environment happy-dom
/**
 * The panel's frame on a page (utils/ui/panel-frame.ts): where it sits, open or closed (only it
 * decides, whatever the page does to the host), the page pushed aside in push layout, and focus
 * given back on close and taken by Escape before it is in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createPanelFrame, PANEL_TAG, type FrameSettings } from '../../utils/ui/panel-frame';

const defaults: FrameSettings = {
  side: DEFAULT_SETTINGS.side,
  layout: DEFAULT_SETTINGS.layout,
  theme: DEFAULT_SETTINGS.theme,
};

function frame() {
  const focusPanel = vi.fn();
  const onHide = vi.fn();
  const panel = createPanelFrame({
    doc: document,
    css: '',
    // The frame's page (the extension's, at its per-session address in a browser); none here.
    src: 'about:blank',
    title: 'Backstory',
    focusPanel,
    onHide,
  });
  const host = () => document.querySelector<HTMLElement>(PANEL_TAG);
  return { panel, focusPanel, onHide, host };
}

/** The page-level CSS Backstory added to the document (adopted sheets and style elements). */
function documentCss(): string {
  const adopted = document.adoptedStyleSheets.flatMap((sheet) =>
    [...sheet.cssRules].map((rule) => rule.cssText),
  );
  const elements = [...document.querySelectorAll('style')].map((style) => style.textContent);
  return [...adopted, ...elements].join('\n');
}

afterEach(() => {
  document.documentElement.querySelectorAll(PANEL_TAG).forEach((host) => host.remove());
  document.adoptedStyleSheets = [];
  document.body.replaceChildren();
});

describe('the panel’s frame on a page', () => {
  it('adds nothing until drawn ahead or shown, then a host whose shadow root the page cannot read', () => {
    const { panel, host } = frame();
    expect(host()).toBeNull();
    panel.prepare();
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).toBeNull();
    expect(host()!.hasAttribute('data-open')).toBe(false);
    expect(panel.everOpened()).toBe(false);
    panel.takeFocus(); // The frame's page has started.
    panel.show({ focus: false });
    expect(host()!.hasAttribute('data-open')).toBe(true);
    expect(panel.everOpened()).toBe(true);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
    panel.destroy();
    expect(host()).toBeNull();
  });

  it('puts the open attribute back when the page forges or removes it', async () => {
    const { panel, host } = frame();
    panel.prepare();
    panel.takeFocus();
    panel.show({ focus: false });
    panel.hide();
    const element = host()!;
    element.setAttribute('data-open', ''); // The page tries to show the closed panel.
    await vi.waitFor(() => expect(element.hasAttribute('data-open')).toBe(false));
    panel.show({ focus: false });
    element.removeAttribute('data-open'); // The page tries to hide the open panel.
    await vi.waitFor(() => expect(element.hasAttribute('data-open')).toBe(true));
    expect(panel.isOpen()).toBe(true);
    panel.destroy();
  });

  it('opening by itself, shows once the frame’s page has started, never an empty frame', () => {
    const { panel, host } = frame();
    panel.show({ focus: false });
    // The extension's page is still loading in the frame: nothing in sight yet, but open.
    expect(host()!.hasAttribute('data-open')).toBe(false);
    expect(panel.isOpen()).toBe(true);
    expect(panel.everOpened()).toBe(false);
    // The frame's page starts (it asks whether to take focus): the panel shows, focus stays.
    expect(panel.takeFocus()).toBe(false);
    expect(host()!.hasAttribute('data-open')).toBe(true);
    expect(panel.everOpened()).toBe(true);
    panel.destroy();
  });

  it('a press before the frame’s page has started shows it at once; a close meanwhile holds', () => {
    const pressed = frame();
    pressed.panel.show({ focus: false });
    expect(pressed.panel.toggle()).toBe(true);
    expect(pressed.host()!.hasAttribute('data-open')).toBe(true);
    pressed.panel.destroy();
    const closed = frame();
    closed.panel.show({ focus: false });
    closed.panel.hide();
    expect(closed.panel.isOpen()).toBe(false);
    closed.panel.takeFocus();
    expect(closed.host()!.hasAttribute('data-open')).toBe(false);
    closed.panel.destroy();
  });

  it('places itself by the settings: side, layout and theme on the host', () => {
    const { panel, host } = frame();
    panel.applySettings({ side: 'left', layout: 'push', theme: 'dark' });
    panel.prepare();
    expect(host()!.dataset).toMatchObject({ side: 'left', layout: 'push', theme: 'dark' });
    panel.applySettings(defaults);
    expect(host()!.dataset).toMatchObject({ side: 'right', layout: 'overlay', theme: 'system' });
    panel.destroy();
  });

  it('overlay adds nothing to the page; push gives it a margin on the panel’s side while open', () => {
    const { panel } = frame();
    panel.prepare();
    panel.takeFocus();
    panel.show({ focus: false });
    expect(documentCss()).toBe('');
    panel.applySettings({ ...defaults, layout: 'push' });
    expect(documentCss()).toMatch(/margin-right: 420px !important/);
    panel.applySettings({ ...defaults, layout: 'push', side: 'left' });
    expect(documentCss()).toMatch(/margin-left: 420px !important/);
    expect(documentCss()).not.toMatch(/margin-right/);
    panel.hide();
    expect(documentCss()).toBe('');
    panel.show({ focus: false });
    expect(documentCss()).toMatch(/margin-left/);
    panel.destroy();
    expect(documentCss()).toBe('');
  });

  it('gives focus to the frame on open and back to where it was on close', () => {
    const { panel, focusPanel, onHide } = frame();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    panel.show();
    // Not loaded yet: the frame's page asks when it starts.
    expect(focusPanel).not.toHaveBeenCalled();
    expect(panel.takeFocus()).toBe(true);
    expect(panel.takeFocus()).toBe(false);
    panel.hide();
    expect(onHide).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(outside);
    panel.destroy();
  });

  it('closes on Escape pressed on the page while open, and not after', () => {
    const { panel } = frame();
    panel.show();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel.isOpen()).toBe(false);
    // Closed, Escape in the page is the page's again.
    const own = vi.fn();
    document.addEventListener('keydown', own);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(own).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', own);
    panel.destroy();
  });

  it('toggles', () => {
    const { panel } = frame();
    expect(panel.toggle()).toBe(true);
    expect(panel.toggle()).toBe(false);
    panel.destroy();
  });
});
