import { describe, expect, it } from 'vitest';
import { bloomHas, buildBloom, hashOf, hashStart } from '../../utils/recognition/bloom';
import { compileGate, keyWord } from '../../utils/recognition/compile-gate';
import type { CompiledPack } from '../../utils/recognition/compiled';
import {
  addressesIn,
  charClass,
  NAME_HASH_START,
  namesIn,
  screenPage,
  TAG,
} from '../../utils/recognition/gate';
import { candidatesFor, memorySource, splitLibrary } from '../../utils/recognition/library';
import { THRESHOLDS } from '../../utils/recognition/recognize';
import { ARTICLE_URL, libraryOf, realLibrary } from './helpers';

const { gate, source } = realLibrary();
const passes = (text: string) =>
  screenPage({ address: 'https://example.com/', canonical: null, text }, gate) !== null;

describe('the page gate with the real pack', () => {
  it.each([
    ['two names', 'Putin spoke; in Almaty, lines grew.'],
    ['a phrase form by one of its words', 'Marat Akhmetzhanov met Dmitry.'],
    ['possessives', 'Putin’s order reached Almaty’s airport.'],
    ['stems with endings', 'Очереди в Казахстане и в Москве.'],
    ['Ukrainian only', 'Путін оголосив мобілізацію; чоловіки тікають з України.'],
    // Georgian prose has no capitals: any word may be a name.
    ['Georgian', 'რუსები საქართველოში გადმოდიან ზემო ლარსის გავლით; პუტინის გადაწყვეტილება'],
    ['blocks run together by textContent', 'Fled to Kazakhstan.Putin announced'],
    ['a name glued to the end of the block before', 'They fled to KazakhstanPutin said'],
    ['names at the very start and end', 'Moscow…Georgia'],
    ['decomposed accents', 'Choi\u0308gou a rencontré Tokai\u0308ev.'],
    ['a zero-width space inside a name', 'Kazakh\u200bstan and Alma\u200cty'],
    ['soft hyphens, even early in a name', 'Ka\u00adzakh\u00adstan and Pu\u00adtin'],
    ['no-break spaces and curly quotes', 'Nikita\u00a0Rakhimov left “Almaty”.'],
    ['emoji between the names', 'Moscow 😀 and Almaty 🎉'],
    [
      'names in another script late in a Latin page',
      `${'Lorem ipsum dolor. '.repeat(200)}Путин и Казахстан`,
    ],
  ])('lets through %s', (_name, text) => {
    expect(passes(text)).toBe(true);
  });

  it.each([
    ['no names', 'The library reopens on Monday after repairs.'],
    ['one name, many times', 'Moscow said. Moscow denied. Moscow, again.'],
    ['names inside other words', 'Putinism spread among Almatyans.'],
    // (Names the story's inflecting languages write with endings, such as Polish "Putin*", run
    // on by design.)
    ['a name running on in lower case', 'Almatys and Shoigus'],
    ['a stem inside a word', 'сверхказахстан и неукраинский'],
    ['an empty page', ''],
    ['one name and a no-break space', 'Nikita\u00a0Rakhimov said “no”.'],
    ['one name and emoji', 'Moscow 😀 and nothing else 🎉'],
  ])('stops %s', (_name, text) => {
    expect(passes(text)).toBe(false);
  });

  it.each([
    ['in lower case', 'putin and kazakhstan'],
    ['all in capitals', 'PUTIN AND KAZAKHSTAN'],
    ['in full-width letters', 'ＰＵＴＩＮ ＡＮＤ ＫＡＺＡＫＨＳＴＡＮ'],
    ['in lower case, in another script', 'путин и казахстан'],
  ])('looks for names as prose writes them, so stops names written %s', (_name, text) => {
    expect(passes(text)).toBe(false);
  });

  it('reports the forms it found, stems by their first letters', () => {
    expect(namesIn('Путин в Казахстане, Putin in Almaty', gate).sort()).toEqual([
      'almaty',
      'putin',
      'putin*',
      'казахс*',
      'путин*',
    ]);
  });

  it('lets through the article at its address and its canonical link, and nothing else there', () => {
    const at = (address: string, canonical: string | null = null) =>
      addressesIn(address, canonical, gate);
    const key =
      'nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856';
    expect(at(`${ARTICLE_URL}?utm_source=x#top`)).toEqual([key]);
    expect(at('https://mirror.example/saved.html', ARTICLE_URL)).toEqual([key]);
    expect(at('https://www.nbcnews.com/news/world/another-story-rcna1')).toEqual([]);
    expect(at('https://example.com/', 'not an address')).toEqual([]);
  });
});

describe('the library checks what the gate let through', () => {
  const candidates = (names: string[], addresses: string[] = []) =>
    candidatesFor({ names, addresses }, source, THRESHOLDS.relatedNames).then((packs) =>
      packs.map((pack) => pack.id),
    );

  it('needs two people or places of one story, not two forms of one', async () => {
    expect(await candidates(['putin', 'almaty'])).toEqual(['nbc-russians-kazakhstan-2022']);
    expect(await candidates(['putin', 'путин*'])).toEqual([]);
    expect(await candidates(['putin', 'unknown'])).toEqual([]);
  });
});

const pack = (id: string, names: string[][], addresses: string[] = []): CompiledPack => ({
  id,
  addresses,
  anchors: [],
  shingles: [],
  quotes: [],
  names,
  topicTerms: [],
  coreTerms: [],
  coreNames: [],
  languages: [],
});

describe('compileGate', () => {
  const packs = [
    pack('a', [['vladimir putin', 'putin'], ['almaty']], ['example.com/a']),
    pack('b', [['ulaanbaatar'], ['sükhbaatar*']]),
  ];
  const { gate: compiled, postings } = compileGate(packs);
  const library = libraryOf(packs);

  it('keeps one gate form per name form, stems by their first letters, and the addresses', () => {
    expect(Object.keys(postings).sort()).toEqual([
      '@example.com/a',
      'almaty',
      'putin',
      'sükhba*',
      'ulaanbaatar',
    ]);
    expect(compiled.counts).toEqual({ stories: 2, names: 4, hosts: 1, addresses: 1 });
    expect(compiled.stemLengths).toEqual([6]);
  });

  it('lets through two names of any story; the library keeps two names of the same one', async () => {
    const check = async (text: string) => {
      const suspect = screenPage({ address: 'https://x.test/', canonical: null, text }, compiled);
      if (!suspect) return null;
      return (await candidatesFor(suspect, library.source, 2)).map((found) => found.id);
    };
    expect(await check('Putin in Ulaanbaatar')).toEqual([]);
    expect(await check('Putin in Almaty')).toEqual(['a']);
    expect(await check('Ulaanbaatar, Sükhbaatariin talbai')).toEqual(['b']);
    expect(await check('Putin alone')).toBeNull();
  });

  it('stops every page when no pack has names', () => {
    const { gate: empty } = compileGate([pack('c', [])]);
    expect(
      screenPage({ address: 'https://x.test/', canonical: null, text: 'Putin in Almaty' }, empty),
    ).toBeNull();
  });
});

describe('the Bloom filter', () => {
  // A deterministic stream of made-up words.
  const words = (count: number, seed: string) =>
    Array.from({ length: count }, (_, i) => `${seed}${(i * 2654435761) % 1_000_003}w${i}`);

  it('never misses an item, and errs about as rarely as it is sized to', () => {
    const items = words(20_000, 'in');
    const filter = buildBloom(items.map((word) => hashOf(TAG.name, word)));
    expect(items.every((word) => bloomHas(filter, hashOf(TAG.name, word)))).toBe(true);
    const others = words(100_000, 'out');
    const wrong = others.filter((word) => bloomHas(filter, hashOf(TAG.name, word))).length;
    // 16 bits and 11 probes an item: about 1 in 2,000.
    expect(wrong / others.length).toBeLessThan(1 / 1_000);
    // The same word under another tag is another item.
    expect(items.filter((word) => bloomHas(filter, hashOf(TAG.stem, word))).length).toBeLessThan(
      50,
    );
  });

  it('keeps its bits in printable ASCII, which survives JSON and stays one byte a character', () => {
    const filter = buildBloom(words(5_000, 'x').map((word) => hashOf(TAG.name, word)));
    expect(JSON.parse(JSON.stringify(filter))).toEqual(filter);
    expect(filter.bits).toMatch(/^[0-o]+$/);
    // Six bits a character, all of them used.
    expect(filter.bits.length * 6).toBe(filter.size);
    expect(new Set(filter.bits).size).toBe(64);
  });
});

describe('keyWord', () => {
  it.each([
    ['putin', ['putin'], 'putin'],
    ['vladimir putin', ['vladimir putin', 'putin'], 'putin'],
    ['mariinsky border crossing', ['mariinsky border crossing'], 'mariinsky'],
    ['никит* рахимов*', ['никит* рахимов*'], 'рахимов*'],
  ])('%s → its most telling word', (form, forms, expected) => {
    expect(keyWord(form, forms)).toBe(expected);
  });
});

describe('the library in shards', () => {
  it('finds candidates whose postings and packs sit in different shards', async () => {
    const packs = Array.from({ length: 50 }, (_, i) =>
      pack(`p${i}`, [[`alpha${i}`], [`beta${i}`]], [`example.com/${i}`]),
    );
    const { postings } = compileGate(packs);
    const split = splitLibrary(packs, postings, { packsPerShard: 7, keysPerShard: 10 });
    expect(split.postings.length).toBeGreaterThan(5);
    expect(split.packs.length).toBe(8);
    const found = await candidatesFor(
      { names: ['alpha33', 'beta33', 'alpha2'], addresses: ['example.com/48'] },
      memorySource(split),
      2,
    );
    expect(found.map((candidate) => candidate.id)).toEqual(['p33', 'p48']);
  });
});

describe('the hash a name starts from', () => {
  it("is the name tag's, written out for the page", () => {
    expect(NAME_HASH_START).toBe(hashStart(TAG.name));
  });
});

describe('charClass', () => {
  const reference = (code: number) => {
    const char = String.fromCharCode(code);
    if (/[\p{Lu}\p{Lt}]/u.test(char)) return 'upper';
    if (/[\p{Ll}\p{Lm}]/u.test(char)) return 'lower';
    if (/\p{Lo}/u.test(char)) return 'caseless';
    if (/[\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]/u.test(char)) return 'mark';
    return 'other';
  };
  const names = ['other', 'upper', 'lower', 'caseless', 'mark'];

  it('classes every character as Unicode does, by range where it can', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x3000; code++) {
      // Surrogates are halves of characters, not characters.
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const got = names[charClass(code)];
      if (got !== reference(code)) wrong.push(`U+${code.toString(16)}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});
