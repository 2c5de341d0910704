/**
 * Compiles packs into the recognition index (build time; see `scripts/build-packs.ts`). Pure: it
 * takes a pack and its article text and returns data, so tests compile fixtures the same way.
 */
import type { PackInput } from '../packs/schema';
import { indexEntry, STEM_KEY, type CompiledIndex, type CompiledPack } from './compiled';
import { sampledShingles } from './fingerprint';
import { phraseKey, termKey, tokenize } from './normalize';
import { addressKey } from './url';

/** Quotes shorter than this many words are too common to count as evidence of a copy. */
const MIN_QUOTE_WORDS = 4;

/** One pack's recognition data from the pack and the text of its article. */
export function compilePack(pack: PackInput, articleText: string): CompiledPack {
  const addresses = [pack.article.url, ...pack.article.alternateUrls]
    .map((url) => addressKey(url))
    .filter((key): key is string => key !== null);
  const quotes = pack.people
    .flatMap((person) => person.quotes.map((quote) => phraseKey(quote.text)))
    .filter((quote) => quote.split(' ').length >= MIN_QUOTE_WORDS);
  const names = [...pack.people, ...pack.places].map((entity) =>
    unique(entity.mentions.map(termKey).filter(Boolean)),
  );
  return {
    id: pack.id,
    addresses: unique(addresses),
    shingles: [...sampledShingles(tokenize(articleText))].sort((a, b) => a - b),
    quotes: unique(quotes),
    names,
    topicTerms: unique(pack.recognition.topicTerms.map(termKey).filter(Boolean)),
    coreTerms: unique(pack.recognition.coreTerms.map(termKey).filter(Boolean)),
  };
}

/** The index over all packs: address and first-word tables pointing at pack positions. */
export function buildIndex(packs: readonly CompiledPack[]): CompiledIndex {
  const addressIndex: Record<string, number[]> = {};
  const wordIndex: Record<string, number[]> = {};
  const stemIndex: Record<string, Record<string, number[]>> = {};
  packs.forEach((pack, position) => {
    for (const address of pack.addresses) add(addressIndex, address, position);
    const phrases = [
      ...pack.topicTerms.map((phrase) => [phrase, false] as const),
      ...pack.coreTerms.map((phrase) => [phrase, false] as const),
      ...pack.names.flat().map((phrase) => [phrase, true] as const),
    ];
    for (const [phrase, isName] of phrases) {
      const first = phrase.split(' ')[0] ?? '';
      const entry = indexEntry(position, isName);
      if (!first.endsWith('*')) {
        add(wordIndex, first, entry);
        continue;
      }
      const stem = first.slice(0, -1);
      const key = stem.slice(0, STEM_KEY);
      const stems = Object.hasOwn(stemIndex, key) ? stemIndex[key] : (stemIndex[key] = {});
      if (stems) add(stems, stem, entry);
    }
  });
  return { version: 1, packs: [...packs], addressIndex, wordIndex, stemIndex };
}

function add(table: Record<string, number[]>, key: string, value: number): void {
  if (!key) return;
  const list = Object.hasOwn(table, key) ? table[key] : (table[key] = []);
  if (list && !list.includes(value)) list.push(value);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
