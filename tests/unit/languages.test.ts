import { describe, expect, it } from 'vitest';
import { expectedKinds, languagePageHtml, languagePages } from '../../scripts/lib/language-pages';
import { declaredLanguage } from '../../utils/recognition/languages';
import { evidenceText } from '../../utils/strings';
import { tokenize } from '../../utils/recognition/normalize';
import { PageWords } from '../../utils/recognition/page-words';
import { realLibrary, realPack, recognizeDocument } from './helpers';
import { loadDocument } from './page';

const library = realLibrary();
const pages = languagePages();

/** Related reports recognized today: the recall may only grow (see `npm run recall`). */
const RELATED_RECOGNIZED = 158;

const verdictOf = (page: (typeof pages)[number]) =>
  recognizeDocument(loadDocument(languagePageHtml(page), page.source), library);

describe('real pages in the story’s languages', () => {
  it('cover every language with reports, near misses and unrelated news', () => {
    const langs = new Set(pages.map((page) => page.lang));
    expect([...langs].sort()).toEqual(
      ['de', 'en', 'es', 'fi', 'fr', 'it', 'ka', 'kk', 'pl', 'pt', 'ru', 'uk'].sort(),
    );
    for (const lang of langs) {
      const own = pages.filter((page) => page.lang === lang);
      expect(own.length, lang).toBeGreaterThanOrEqual(4);
      expect(new Set(own.map((page) => page.class)).size, lang).toBe(3);
    }
  });

  it.each(pages.filter((page) => page.class !== 'related' && !page.known))(
    'no verdict for the $class $file ($lang)',
    async (page) => {
      const { verdict } = await verdictOf(page);
      expect(verdict).toBeNull();
    },
  );

  // A page marked as still misjudged that no longer is should lose its mark (and count above).
  it.each(pages.filter((page) => page.known))(
    'still a verdict for the $class $file, as marked ($lang)',
    async (page) => {
      const { verdict } = await verdictOf(page);
      expect(verdict).not.toBeNull();
    },
  );

  it('recognizes at least as many related reports as before, each in its own language', async () => {
    let recognized = 0;
    for (const page of pages.filter((candidate) => candidate.class === 'related')) {
      const { verdict } = await verdictOf(page);
      if (!verdict) continue;
      expect(expectedKinds(page.class), page.file).toContain(verdict.kind);
      recognized += 1;
      if (verdict.evidence.kind === 'topic') {
        expect(verdict.evidence.lang, page.file).toBe(declaredLanguage(page.lang));
      }
    }
    expect(recognized).toBeGreaterThanOrEqual(RELATED_RECOGNIZED);
  });
});

describe('names that inflect', () => {
  const { pack, index } = realPack();
  const uralsk =
    index.packs[0]!.names[
      [...pack.people, ...pack.places].findIndex((entity) => entity.id === 'uralsk')
    ]!;
  const named = (text: string) => uralsk.some((form) => new PageWords(tokenize(text)).has(form));

  it('finds Uralsk in its Russian cases, not in the adjective of the Urals', () => {
    expect(named('Беженцы прибывают в Уральск')).toBe(true);
    expect(named('Очереди в Уральске')).toBe(true);
    expect(named('Уральский федеральный округ')).toBe(false);
  });
});

describe('the reason names the language', () => {
  it.each([
    ['es', 'A Spanish report on the same events'],
    ['en', 'An English report on the same events'],
    ['it', 'An Italian report on the same events'],
    ['uk', 'A Ukrainian report on the same events'],
  ] as const)('%s: "%s…"', (lang, start) => {
    expect(evidenceText({ kind: 'topic', terms: 5, names: 3, lang })).toMatch(
      new RegExp(`^${start}:`),
    );
  });
});
