/**
 * Synthetic packs for the "1 vs 1,000 packs" measurement. Each is shaped like a real pack (names,
 * subject terms, quotes, shingles of a ~1,500-word article) and, to be a fair test of the
 * candidate gate, half of its subject terms are real English words from a news vocabulary, so
 * ordinary pages share words with many of them, as they would with a real library of stories.
 */
import type { CompiledPack } from '../../utils/recognition/compiled';
import { tokenize } from '../../utils/recognition/normalize';

/** A small deterministic random generator (mulberry32), so every run benchmarks the same packs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'vin', 'tel', 'mar', 'os', 'dru', 'zen', 'pa', 'lek', 'sho', 'ny'];

/**
 * `count` synthetic packs. `vocabulary` is the pool of real words half the subject terms come
 * from (the benchmark passes the words of the first pack's article that are 6 letters or longer).
 */
export function syntheticPacks(count: number, vocabulary: readonly string[]): CompiledPack[] {
  const next = random(2022);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const pseudoWord = () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join('');
  const phrase = (words: number) => Array.from({ length: words }, pseudoWord).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const pack = {
      id: `synthetic-${i}`,
      addresses: [`news.example/story-${i}`],
      anchors: [],
      shingles: Array.from({ length: 380 }, () => Math.floor(next() * 2 ** 32)).sort(
        (a, b) => a - b,
      ),
      quotes: Array.from({ length: 8 }, () => phrase(7)),
      names: Array.from({ length: 25 }, () => [phrase(2), pseudoWord()]),
      topicTerms: Array.from({ length: 60 }, (_, j) => (j % 2 ? pick(vocabulary) : pseudoWord())),
      coreTerms: Array.from({ length: 6 }, pseudoWord),
      coreNames: [{ names: [0, 1, 2, 3], atLeast: 3 }],
    };
    return {
      ...pack,
      languages: [{ lang: 'en', terms: [...pack.topicTerms, ...pack.coreTerms], names: [] }],
    };
  });
}

/** The real words of a text that are at least `minLength` letters long, once each. */
export function vocabularyOf(text: string, minLength = 6): string[] {
  return [...new Set(tokenize(text).filter((word) => word.length >= minLength))];
}
