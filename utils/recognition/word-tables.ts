/**
 * The engine's word tables: which packs a page word (or a word's first letters, for stems) points
 * at. Built on the page from the packs' terms, once per index and only for a page past the name
 * gate, so that the script injected into every page does not carry them (they are as large as the
 * terms themselves).
 */
import { indexEntry, STEM_KEY, type CompiledIndex } from './compiled';

/** Look-up tables of an index's first words, as Maps. */
export interface WordTables {
  /**
   * A first word to the packs that have a term or name starting with it, as entries
   * `position * 2 + isName` (see `indexEntry`). A page word not in it costs one failed look-up; a
   * pack none of whose words occur is never examined.
   */
  words: Map<string, number[]>;
  /**
   * For terms whose first word is a stem ("казахстан*"): the stem's first {@link STEM_KEY}
   * letters, then each stem with its entries. A page word costs one more look-up, by its prefix.
   */
  stems: Map<string, [string, number[]][]>;
  /** First character codes of all stems. */
  stemStarts: Set<number>;
}

const built = new WeakMap<CompiledIndex, WordTables>();

/** The word tables of `index`, built on first use. */
export function wordTables(index: CompiledIndex): WordTables {
  const cached = built.get(index);
  if (cached) return cached;
  const words = new Map<string, number[]>();
  const stemTable = new Map<string, Map<string, number[]>>();
  index.packs.forEach((pack, position) => {
    const phrases = [
      ...pack.topicTerms.map((phrase) => [phrase, false] as const),
      ...pack.coreTerms.map((phrase) => [phrase, false] as const),
      ...pack.names.flat().map((phrase) => [phrase, true] as const),
    ];
    for (const [phrase, isName] of phrases) {
      const first = phrase.split(' ')[0] ?? '';
      const entry = indexEntry(position, isName);
      if (!first.endsWith('*')) {
        add(words, first, entry);
        continue;
      }
      const stem = first.slice(0, -1);
      const key = stem.slice(0, STEM_KEY);
      let stems = stemTable.get(key);
      if (!stems) stemTable.set(key, (stems = new Map()));
      add(stems, stem, entry);
    }
  });
  const stems = new Map<string, [string, number[]][]>();
  const stemStarts = new Set<number>();
  for (const [prefix, byStem] of stemTable) {
    stems.set(prefix, [...byStem]);
    stemStarts.add(prefix.charCodeAt(0));
  }
  const tables = { words, stems, stemStarts };
  built.set(index, tables);
  return tables;
}

function add(table: Map<string, number[]>, key: string, value: number): void {
  if (!key) return;
  const list = table.get(key);
  if (!list) table.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
