/**
 * Compiles packs into the recognition index (build time; see `scripts/build-packs.ts`). Pure: it
 * takes a pack and its article text and returns data, so tests compile fixtures the same way.
 */
import type { PackInput } from '../packs/schema';
import type { CompiledIndex, CompiledPack } from './compiled';
import type { Language } from './languages';
import { sampledShingles } from './fingerprint';
import { phraseKey, termKey, tokenize } from './normalize';
import { anchorsOf } from './sequence';
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
  const languages = Object.entries(pack.recognition.languages);
  const entities = [...pack.people, ...pack.places];
  const names = entities.map((entity) =>
    keys([...entity.mentions, ...languages.flatMap(([, data]) => data.names[entity.id] ?? [])]),
  );
  const coreNames = (pack.recognition.coreNames ?? []).map(({ ids, atLeast }) => ({
    names: ids.map((id) => entities.findIndex((entity) => entity.id === id)),
    atLeast,
  }));
  const words = tokenize(articleText);
  return {
    id: pack.id,
    anchors: anchorsOf(words, names),
    addresses: unique(addresses),
    shingles: [...sampledShingles(words)].sort((a, b) => a - b),
    quotes: unique(quotes),
    names,
    topicTerms: keys(languages.flatMap(([, data]) => data.topicTerms)),
    coreTerms: keys(languages.flatMap(([, data]) => data.coreTerms)),
    coreNames,
    languages: languages.map(([lang, data]) => ({
      lang: lang as Language,
      terms: keys([...data.topicTerms, ...data.coreTerms]),
      names: keys(Object.values(data.names).flat()),
    })),
  };
}

/**
 * The engine's index over `packs`: the packs and their address table. The word tables are built
 * on the page, from the packs, for pages past the gate (see `word-tables.ts`).
 */
export function buildIndex(packs: readonly CompiledPack[]): CompiledIndex {
  const addressIndex: Record<string, number[]> = {};
  packs.forEach((pack, position) => {
    for (const address of pack.addresses) add(addressIndex, address, position);
  });
  return { packs: [...packs], addressIndex };
}

function add(table: Record<string, number[]>, key: string, value: number): void {
  if (!key) return;
  const list = Object.hasOwn(table, key) ? table[key] : (table[key] = []);
  if (list && !list.includes(value)) list.push(value);
}

/** The term keys of `terms`, each once. */
function keys(terms: readonly string[]): string[] {
  return unique(terms.map(termKey).filter(Boolean));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
