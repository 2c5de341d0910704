// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageOf, ToBackground } from '../../utils/messages';
import { createStory } from '../../utils/page/story';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { addressVerdict } from './helpers';

afterEach(() => document.body.replaceChildren());

function story(settings: Settings = DEFAULT_SETTINGS, browserLanguage: string | null = 'en-US') {
  const sent: MessageOf<ToBackground>[] = [];
  const controller = new AbortController();
  const made = createStory({
    doc: document,
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
    settings: () => Promise.resolve(settings),
    signal: controller.signal,
    browserLanguage,
  });
  const settle = () => new Promise((done) => setTimeout(done, 0));
  return { made, sent, settle, stop: () => controller.abort() };
}

describe('the story shows a verdict', () => {
  it('reports a verdict once, shows the launcher, and opens the article by itself', async () => {
    const { made, sent, settle, stop } = story();
    const verdict = addressVerdict('article', 'p');
    made.present(verdict);
    made.present({ ...verdict });
    await settle();
    expect(sent).toEqual([
      { type: 'verdict:report', verdict },
      { type: 'panel:open', auto: true },
    ]);
    expect(document.querySelector('backstory-launcher')).not.toBeNull();
    stop();
    expect(document.querySelector('backstory-launcher')).toBeNull();
  });

  it('reports no verdict unless the page had one (the story left it)', async () => {
    const { made, sent, settle } = story();
    made.present(null);
    await settle();
    expect(sent).toEqual([]);
    made.present(addressVerdict('related', 'p'));
    made.present(null);
    await settle();
    expect(sent.filter((message) => message.type === 'verdict:report')).toEqual([
      { type: 'verdict:report', verdict: addressVerdict('related', 'p') },
      { type: 'verdict:report', verdict: null },
    ]);
    expect(document.querySelector('backstory-launcher')).toBeNull();
  });
});

describe('the launcher speaks the language its panel will', () => {
  // The launcher's shadow root is closed: kept here as it is made.
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  beforeEach(() => {
    roots.length = 0;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  const labelOf = () => {
    const button = roots.at(-1)?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe(button?.title);
    return button?.title;
  };

  it('English on the English article, the browser’s on a page in a language without content', async () => {
    const article = story(DEFAULT_SETTINGS, 'fr-FR');
    article.made.present(addressVerdict('article', 'p'));
    await article.settle();
    expect(labelOf()).toBe('Backstory: open background for this article');
    article.stop();

    document.documentElement.lang = 'de';
    const german = story(DEFAULT_SETTINGS, 'fr-FR');
    german.made.present(addressVerdict('version', 'p'));
    await german.settle();
    expect(labelOf()).toBe('Backstory\u00a0: ouvrir le contexte de cet article');
    german.stop();
    document.documentElement.lang = '';
  });

  it('the reader’s choice in the settings before any', async () => {
    const chosen = story({ ...DEFAULT_SETTINGS, language: 'de' }, 'fr-FR');
    chosen.made.present(addressVerdict('article', 'p'));
    await chosen.settle();
    expect(labelOf()).toBe('Backstory: Hintergrund zu diesem Artikel öffnen');
    chosen.stop();
  });

  it('the report’s own on related coverage in Russian, and English where it has no words', async () => {
    const related = addressVerdict('related', 'p');
    const russian = story(DEFAULT_SETTINGS, 'en-US');
    russian.made.present({
      ...related,
      evidence: { kind: 'topic', terms: 5, names: 3, lang: 'ru' },
    });
    await russian.settle();
    expect(labelOf()).toBe('Backstory: открыть контекст этого сюжета');
    russian.stop();

    // A Japanese page in a Japanese browser: Backstory's controls do not speak Japanese.
    document.documentElement.lang = 'ja';
    const unknown = story(DEFAULT_SETTINGS, 'ja-JP');
    unknown.made.present(related);
    await unknown.settle();
    expect(labelOf()).toBe('Backstory: open background for this story');
    unknown.stop();
    document.documentElement.lang = '';
  });
  it('changes with the language chosen in the settings, the verdict reported once', async () => {
    const sent: MessageOf<ToBackground>[] = [];
    const controller = new AbortController();
    let stored: Settings = {
      ...DEFAULT_SETTINGS,
      autoOpen: { ...DEFAULT_SETTINGS.autoOpen, article: false },
    };
    const made = createStory({
      doc: document,
      send: (message) => {
        sent.push(message);
        return Promise.resolve();
      },
      settings: () => Promise.resolve(stored),
      signal: controller.signal,
      browserLanguage: 'en-US',
    });
    made.present(addressVerdict('article', 'p'));
    await new Promise((done) => setTimeout(done, 0));
    expect(labelOf()).toBe('Backstory: open background for this article');
    stored = { ...stored, language: 'uk' };
    made.settingsChanged();
    await new Promise((done) => setTimeout(done, 0));
    expect(labelOf()).toBe('Backstory: відкрити контекст цієї статті');
    expect(document.querySelectorAll('backstory-launcher')).toHaveLength(1);
    expect(sent.filter(({ type }) => type === 'verdict:report')).toHaveLength(1);
    controller.abort();
  });
});

describe('the settings the background answered with', () => {
  it('are used until they change, so the verdict does not wait for the page’s own read', async () => {
    const sent: MessageOf<ToBackground>[] = [];
    const controller = new AbortController();
    let stored: Promise<Settings> = new Promise(() => {});
    const made = createStory({
      doc: document,
      send: (message) => {
        sent.push(message);
        return Promise.resolve();
      },
      // The story script's own read of storage has not ended.
      settings: () => stored,
      signal: controller.signal,
      browserLanguage: 'en-US',
    });
    made.told({ ...DEFAULT_SETTINGS, quietSites: [] });
    made.present(addressVerdict('related', 'p'));
    await new Promise((done) => setTimeout(done, 0));
    expect(document.querySelector('backstory-launcher')).not.toBeNull();

    // The reader makes the site quiet: the change, not the answer, decides from then on.
    stored = Promise.resolve({ ...DEFAULT_SETTINGS, quietSites: [location.hostname] });
    made.settingsChanged();
    await new Promise((done) => setTimeout(done, 0));
    expect(document.querySelector('backstory-launcher')).toBeNull();
    controller.abort();
  });
});
