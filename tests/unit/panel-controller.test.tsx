// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createPanelController, type PanelSettings } from '../../utils/ui/panel-controller';
import type { PageQuotes } from '../../utils/ui/show-in-article';
import { realPack, addressVerdict } from './helpers';

/**
 * How long to wait for the panel to draw itself a piece per frame: the whole pack takes many
 * frames, longer on a busy machine than vi.waitFor's default second.
 */
const DRAWN = { timeout: 10_000 };

const { pack } = realPack();
const verdict = addressVerdict('article', pack.id);

const defaults: PanelSettings = {
  theme: DEFAULT_SETTINGS.theme,
  sections: DEFAULT_SETTINGS.sections,
  marks: DEFAULT_SETTINGS.marks,
};

/** A page whose quotes are never found (the page is reached with messages in the real panel). */
const NO_QUOTES: PageQuotes = {
  locate: () => Promise.resolve(new Set<string>()),
  show: () => Promise.resolve(false),
  clear: () => {},
};

/** What every panel here is made with: the story's verdict and pack, drawn into a new element. */
function story() {
  const container = document.createElement('div');
  container.className = 'root';
  document.body.append(container);
  return {
    doc: document,
    container,
    quotes: NO_QUOTES,
    close: vi.fn(),
    loadData: () =>
      Promise.resolve({
        ok: true as const,
        value: { verdict, pack, language: { ui: 'en', content: 'en' } as const, messages: null },
      }),
  };
}

/** A panel controller for the story. */
function storyPanel() {
  return createPanelController(story());
}

async function openPanel() {
  const options = story();
  const panel = createPanelController(options);
  panel.show();
  // Let the data promise settle and the panel draw it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { container } = options;
  return {
    panel,
    container,
    close: options.close,
    headings: () => [...container.querySelectorAll('section > h2')].map((h) => h.textContent),
    jumps: () => [...container.querySelectorAll('nav button')].map((b) => b.textContent),
  };
}

afterEach(() => {
  document.body.replaceChildren();
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

  it('puts the theme on the container, also when given before the panel was first shown', async () => {
    const { panel, container } = await openPanel();
    expect(container.dataset.theme).toBe('system');
    panel.applySettings({ ...defaults, theme: 'dark' });
    expect(container.dataset.theme).toBe('dark');
    panel.destroy();

    const early = storyPanel();
    early.applySettings({ ...defaults, theme: 'light' });
    const last = () => document.body.lastElementChild as HTMLElement;
    expect(last().childElementCount).toBe(0);
    early.show();
    expect(last().dataset.theme).toBe('light');
    early.destroy();
  });

  it('closes with the close button as its page says', async () => {
    const { container, close, panel } = await openPanel();
    container.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(close).toHaveBeenCalledTimes(1);
    panel.destroy();
  });
});

describe('the marks switch', () => {
  it('is there from the first frame, waiting, so nothing moves when the marks arrive', async () => {
    let handle: { on: boolean } | null = null;
    const options = story();
    const panel = createPanelController({
      ...options,
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
    const root = options.container;
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
    const options = story();
    const panel = createPanelController(options);
    panel.show();
    await Promise.resolve();
    await Promise.resolve();
    const root = options.container;
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

  it('lays itself out once drawn, so a panel drawn hidden ahead of the press is ready to show', async () => {
    const { panel, root, busy } = await showWithData();
    // What the panel looked like each time it asked the browser for its layout.
    const asked: string[][] = [];
    const measure = root.getBoundingClientRect.bind(root);
    root.getBoundingClientRect = () => {
      asked.push(busy());
      return measure();
    };
    await vi.waitFor(() => expect(busy()).toEqual([]), DRAWN);
    await vi.waitFor(() => expect(asked).toEqual([[]]));
    panel.destroy();
  });

  it('moves focus to the title once the content is on screen, unless it only follows a tab', async () => {
    const { panel } = await showWithData();
    await vi.waitFor(() => expect(document.activeElement?.classList.contains('title')).toBe(true));
    panel.destroy();

    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const quiet = story();
    const following = createPanelController(quiet);
    following.show({ focus: false });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(quiet.container.querySelector('.header .title')).not.toBeNull();
    expect(document.activeElement).toBe(outside);
    // Asked again with focus (the reader opened it), focus goes in at once.
    following.show();
    expect(document.activeElement?.classList.contains('title')).toBe(true);
    following.destroy();
  });

  it('opens a place’s card with focus on its name', async () => {
    const { panel, container } = await openPanel();
    const place = pack.places[0]!;
    panel.showEntity({ kind: 'place', id: place.id });
    expect(document.activeElement).toBe(container.querySelector(`#place-${place.id} h3`));
    panel.destroy();
  });

  it('draws every section at once when the reader jumps to one', async () => {
    const { panel, root, busy } = await showWithData();
    expect(busy()).not.toEqual([]);
    [...root.querySelectorAll<HTMLButtonElement>('nav button')].at(-1)!.click();
    expect(busy()).toEqual([]);
    expect(document.activeElement?.id).toBe('heading-notes');
    panel.destroy();
  });
});
