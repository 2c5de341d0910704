// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageOf, ToBackground } from '../../utils/messages';
import { createStory } from '../../utils/page/story';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { Verdict } from '../../utils/recognition/verdict';
import { addressVerdict } from './helpers';

afterEach(() => document.body.replaceChildren());

/**
 * A story under `settings` (or what a reader of storage gives, read at each use), in a browser
 * whose language is `browserLanguage`.
 */
function story(
  settings: Settings | (() => Promise<Settings>) = DEFAULT_SETTINGS,
  browserLanguage: string | null = 'en-US',
) {
  const sent: MessageOf<ToBackground>[] = [];
  const controller = new AbortController();
  const made = createStory({
    doc: document,
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
    settings: typeof settings === 'function' ? settings : () => Promise.resolve(settings),
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

  /** The launcher's name for `verdict` on a page in `pageLang`, in a browser in `browser`. */
  const labelFor = async (verdict: Verdict, settings: Settings, browser: string, pageLang = '') => {
    document.documentElement.lang = pageLang;
    const shown = story(settings, browser);
    shown.made.present(verdict);
    await shown.settle();
    const label = labelOf();
    shown.stop();
    document.documentElement.lang = '';
    return label;
  };
  const russianReport: Verdict = {
    ...addressVerdict('related', 'p'),
    evidence: { kind: 'topic', terms: 5, names: 3, lang: 'ru' },
  };

  it.each([
    // The panel on the English article speaks English, whatever the browser's language.
    [
      'the English article, a French browser',
      addressVerdict('article', 'p'),
      {},
      'fr-FR',
      '',
      'Backstory: open background for this article',
    ],
    // A page in a language Backstory has no background in: the browser's language.
    [
      'a German page, a French browser',
      addressVerdict('version', 'p'),
      {},
      'fr-FR',
      'de',
      'Backstory\u00a0: ouvrir le contexte de cet article',
    ],
    // The reader's choice before any.
    [
      'German chosen in the settings',
      addressVerdict('article', 'p'),
      { language: 'de' },
      'fr-FR',
      '',
      'Backstory: Hintergrund zu diesem Artikel öffnen',
    ],
    // A report in Russian gets the panel in Russian.
    [
      'a Russian report, an English browser',
      russianReport,
      {},
      'en-US',
      '',
      'Backstory: открыть контекст этого сюжета',
    ],
    // Backstory's controls do not speak Japanese.
    [
      'a Japanese page, a Japanese browser',
      addressVerdict('related', 'p'),
      {},
      'ja-JP',
      'ja',
      'Backstory: open background for this story',
    ],
  ] as const)('on %s', async (_case, verdict, chosen, browser, pageLang, label) => {
    expect(await labelFor(verdict, { ...DEFAULT_SETTINGS, ...chosen }, browser, pageLang)).toBe(
      label,
    );
  });

  it('changes with the language chosen in the settings, the verdict reported once', async () => {
    let stored: Settings = {
      ...DEFAULT_SETTINGS,
      autoOpen: { ...DEFAULT_SETTINGS.autoOpen, article: false },
    };
    const { made, sent, settle, stop } = story(() => Promise.resolve(stored));
    made.present(addressVerdict('article', 'p'));
    await settle();
    expect(labelOf()).toBe('Backstory: open background for this article');
    stored = { ...stored, language: 'uk' };
    made.settingsChanged();
    await settle();
    expect(labelOf()).toBe('Backstory: відкрити контекст цієї статті');
    expect(document.querySelectorAll('backstory-launcher')).toHaveLength(1);
    expect(sent.filter(({ type }) => type === 'verdict:report')).toHaveLength(1);
    stop();
  });
});

describe('the settings the background answered with', () => {
  it('are used until they change, so the verdict does not wait for the page’s own read', async () => {
    // The story script's own read of storage has not ended.
    let stored: Promise<Settings> = new Promise(() => {});
    const { made, settle, stop } = story(() => stored);
    made.told({ ...DEFAULT_SETTINGS, quietSites: [] });
    made.present(addressVerdict('related', 'p'));
    await settle();
    expect(document.querySelector('backstory-launcher')).not.toBeNull();

    // The reader makes the site quiet: the change, not the answer, decides from then on.
    stored = Promise.resolve({ ...DEFAULT_SETTINGS, quietSites: [location.hostname] });
    made.settingsChanged();
    await settle();
    expect(document.querySelector('backstory-launcher')).toBeNull();
    stop();
  });
});
