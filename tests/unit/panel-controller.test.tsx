// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import {
  createPanelController,
  PANEL_TAG,
  type PanelSettings,
} from '../../utils/ui/panel-controller';
import { realPack, addressVerdict } from './helpers';

/**
 * How long to wait for the panel to draw itself a piece per frame: the whole pack takes many
 * frames, longer on a busy machine than vi.waitFor's default second.
 */
const DRAWN = { timeout: 10_000 };

const { pack } = realPack();
const verdict = addressVerdict('article', pack.id);

const defaults: PanelSettings = {
  side: DEFAULT_SETTINGS.side,
  layout: DEFAULT_SETTINGS.layout,
  theme: DEFAULT_SETTINGS.theme,
  sections: DEFAULT_SETTINGS.sections,
  marks: DEFAULT_SETTINGS.marks,
};

/** What every panel here is made with: the story's verdict and pack, no stylesheet. */
const STORY = {
  doc: document,
  css: '',
  loadData: () =>
    Promise.resolve({
      ok: true as const,
      value: { verdict, pack, language: { ui: 'en', content: 'en' } as const, messages: null },
    }),
};

/** A panel controller for the story. */
function storyPanel() {
  return createPanelController(STORY);
}

async function openPanel() {
  const panel = storyPanel();
  panel.show();
  // Let the data promise settle and the panel draw it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const host = document.querySelector<HTMLElement>(PANEL_TAG)!;
  const root = host.shadowRoot!;
  return {
    panel,
    host,
    container: root.querySelector<HTMLElement>('.root')!,
    headings: () => [...root.querySelectorAll('section > h2')].map((h) => h.textContent),
    jumps: () => [...root.querySelectorAll('nav button')].map((b) => b.textContent),
  };
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
});

describe('applySettings', () => {
  it('leaves out the sections turned off, from the jumps too, and brings them back', async () => {
    const { panel, headings, jumps } = await openPanel();
    expect(headings()).toContain('People');
    panel.applySettings({
      ...defaults,
      sections: { ...defaults.sections, people: false, notes: false },
    });
    expect(headings()).toEqual(['Places', 'Timeline', 'Figures', 'Terms']);
    expect(jumps()).toEqual(['Places', 'Timeline', 'Figures', 'Terms']);
    panel.applySettings(defaults);
    expect(headings()).toContain('People');
    panel.destroy();
  });

  it('says so when every section is off', async () => {
    const { panel, container } = await openPanel();
    const none = Object.fromEntries(Object.keys(defaults.sections).map((id) => [id, false]));
    panel.applySettings({ ...defaults, sections: none as PanelSettings['sections'] });
    expect(container.textContent).toContain('Every section is turned off');
    panel.destroy();
  });

  it('puts the theme on the shadow container and the side and layout on the host', async () => {
    const { panel, host, container } = await openPanel();
    expect(container.dataset.theme).toBe('system');
    expect(host.dataset.side).toBe('right');
    panel.applySettings({ ...defaults, theme: 'dark', side: 'left' });
    expect(container.dataset.theme).toBe('dark');
    expect(host.dataset.side).toBe('left');
    expect(host.dataset.layout).toBe('overlay');
    panel.destroy();
  });

  it('applies settings given before the panel was first shown', async () => {
    const panel = storyPanel();
    panel.applySettings({ ...defaults, theme: 'light', side: 'left' });
    expect(document.querySelector(PANEL_TAG)).toBeNull();
    panel.show();
    const host = document.querySelector<HTMLElement>(PANEL_TAG)!;
    expect(host.dataset.side).toBe('left');
    expect(host.shadowRoot!.querySelector<HTMLElement>('.root')!.dataset.theme).toBe('light');
    panel.destroy();
  });
});

describe('push mode', () => {
  it('overlay adds nothing to the page', async () => {
    const { panel } = await openPanel();
    expect(documentCss()).toBe('');
    panel.destroy();
  });

  it('gives the page a margin on the panel side while open, and takes it back on close', async () => {
    const { panel, host } = await openPanel();
    panel.applySettings({ ...defaults, layout: 'push' });
    expect(host.dataset.layout).toBe('push');
    expect(documentCss()).toMatch(/margin-right: 420px !important/);
    panel.applySettings({ ...defaults, layout: 'push', side: 'left' });
    expect(documentCss()).toMatch(/margin-left: 420px !important/);
    expect(documentCss()).not.toMatch(/margin-right/);
    panel.hide();
    expect(documentCss()).toBe('');
    panel.show();
    expect(documentCss()).toMatch(/margin-left/);
    panel.applySettings(defaults);
    expect(documentCss()).toBe('');
    panel.applySettings({ ...defaults, layout: 'push' });
    panel.destroy();
    expect(documentCss()).toBe('');
  });

  it('pushes nothing in the browser’s side panel, a page of its own beside the page', () => {
    const panel = createPanelController({ ...STORY, standalone: true });
    panel.show();
    panel.applySettings({ ...defaults, layout: 'push' });
    expect(documentCss()).toBe('');
    panel.destroy();
  });
});

describe('the marks switch', () => {
  it('is there from the first frame, waiting, so nothing moves when the marks arrive', async () => {
    let handle: { on: boolean } | null = null;
    const panel = createPanelController({
      ...STORY,
      marks: () =>
        handle && {
          isEnabled: () => handle!.on,
          setEnabled: (on: boolean) => (handle!.on = on),
          count: () => 7,
          focusFirst: () => true,
        },
    });
    panel.applySettings({ ...defaults, marks: false });
    panel.show();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const root = document.querySelector(PANEL_TAG)!.shadowRoot!;
    const toggle = () => root.querySelector<HTMLButtonElement>('[role="switch"]')!;
    // Waiting: the reader's setting, not pressable yet, no way to the marks.
    expect(toggle().getAttribute('aria-checked')).toBe('false');
    expect(toggle().getAttribute('aria-disabled')).toBe('true');
    toggle().click();
    expect(toggle().getAttribute('aria-checked')).toBe('false');

    handle = { on: true };
    panel.refresh();
    expect(toggle().getAttribute('aria-disabled')).toBeNull();
    expect(root.querySelector('.marks-browse')?.textContent).toBe('Go to the marks (7)');
    toggle().click();
    expect(handle.on).toBe(false);
    expect(toggle().getAttribute('aria-checked')).toBe('false');
    panel.destroy();
  });

  it('is left out when the panel has no marks to offer', async () => {
    const { container, panel } = await openPanel();
    expect(container.querySelector('[role="switch"]')).toBeNull();
    panel.destroy();
  });
});

describe('drawing on open', () => {
  /** Shows the panel and lets its data arrive, without letting any task after that run. */
  async function showWithData() {
    const panel = storyPanel();
    panel.show();
    await Promise.resolve();
    await Promise.resolve();
    const root = document.querySelector(PANEL_TAG)!.shadowRoot!;
    const busy = () => [...root.querySelectorAll('section[aria-busy="true"]')].map((s) => s.id);
    return { panel, root, busy };
  }

  it('draws the header with the data, then a piece per frame, the map first', async () => {
    const { panel, root, busy } = await showWithData();
    expect(root.querySelector('.header .title')?.textContent).toBe(pack.article.title);
    expect(root.querySelector('#section-places .map')).toBeNull();
    expect(busy()).toEqual([
      'section-places',
      'section-people',
      'section-timeline',
      'section-figures',
      'section-glossary',
      'section-notes',
    ]);
    // What the Places section holds after each drawing: the map a panel at a time (the main map,
    // then the detail), then its cards a few at a time.
    const states: string[] = [];
    const watch = new MutationObserver(() => {
      const panels = root.querySelectorAll('#section-places .map-panel').length;
      const state = `${panels} map panels, ${root.querySelectorAll('#section-places .card').length} cards`;
      if (states.at(-1) !== state) states.push(state);
    });
    watch.observe(root, { childList: true, subtree: true });
    await vi.waitFor(() => expect(busy()).not.toContain('section-places'), DRAWN);
    watch.disconnect();
    const mapPanels = pack.map!.panels.length;
    expect(mapPanels).toBeGreaterThan(1);
    expect(states.slice(0, mapPanels)).toEqual(
      Array.from({ length: mapPanels }, (_, i) => `${i + 1} map panels, 0 cards`),
    );
    const counts = states.map((state) => Number(/(\d+) cards/.exec(state)?.[1]));
    expect(counts.length).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(counts.at(-1)).toBe(pack.places.length);
    await vi.waitFor(() => expect(busy()).toEqual([]), DRAWN);
    expect(root.querySelectorAll('#section-people .card').length).toBe(pack.people.length);
    expect(root.querySelectorAll('#section-figures .card').length).toBe(pack.figures.length);
    panel.destroy();
  });

  it('moves focus to the title once the content is on screen, unless it opened by itself', async () => {
    const { panel, root } = await showWithData();
    await vi.waitFor(() => expect(root.activeElement?.classList.contains('title')).toBe(true));
    panel.hide();
    panel.destroy();

    const quiet = storyPanel();
    quiet.show({ focus: false });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const quietRoot = document.querySelector(PANEL_TAG)!.shadowRoot!;
    expect(quietRoot.querySelector('.header .title')).not.toBeNull();
    expect(quietRoot.activeElement).toBeNull();
    quiet.destroy();
  });

  it('closes on Escape pressed before focus has moved in, and only then', async () => {
    const { panel, root } = await showWithData();
    expect(root.activeElement).toBeNull();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel.isOpen()).toBe(false);

    // Once focus is in, Escape in the page is the page's again.
    panel.show();
    await vi.waitFor(() => expect(root.activeElement?.classList.contains('title')).toBe(true));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel.isOpen()).toBe(true);
    panel.destroy();
  });

  it('drawn ahead of the press, hidden, it shows whole and takes focus in the same task', async () => {
    const loadData = vi.fn(STORY.loadData);
    const panel = createPanelController({ ...STORY, loadData });
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    panel.prepare();
    const host = document.querySelector(PANEL_TAG)!;
    const root = host.shadowRoot!;
    const busy = () => root.querySelectorAll('section[aria-busy="true"]').length;
    await vi.waitFor(() => expect(root.querySelector('.header .title')).not.toBeNull());
    await vi.waitFor(() => expect(busy()).toBe(0), DRAWN);
    // Hidden all along, and the reader's focus never left the page.
    expect(host.hasAttribute('data-open')).toBe(false);
    expect(panel.isOpen()).toBe(false);
    expect(document.activeElement).toBe(outside);
    panel.prepare();
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);

    expect(panel.toggle()).toBe(true);
    expect(host.hasAttribute('data-open')).toBe(true);
    expect(busy()).toBe(0);
    expect(root.querySelectorAll('#section-places .card').length).toBe(pack.places.length);
    expect(root.activeElement?.classList.contains('title')).toBe(true);
    expect(loadData).toHaveBeenCalledTimes(1);

    panel.hide();
    expect(document.activeElement).toBe(outside);
    panel.destroy();
    outside.remove();
  });

  it('draws every section at once when the reader jumps to one', async () => {
    const { panel, root, busy } = await showWithData();
    expect(busy()).not.toEqual([]);
    [...root.querySelectorAll<HTMLButtonElement>('nav button')].at(-1)!.click();
    expect(busy()).toEqual([]);
    expect(root.activeElement?.id).toBe('heading-notes');
    panel.destroy();
  });
});
