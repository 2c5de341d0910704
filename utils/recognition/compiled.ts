/**
 * The compiled form of the recognition data: what `scripts/build-packs.ts` writes to
 * `data/generated/recognition.json` and what the page-side engine reads. Everything in it is
 * already folded and hashed, so the page does no work for a pack it has no reason to suspect.
 */

/** One pack's recognition data. */
export interface CompiledPack {
  id: string;
  /** Address keys (see `addressKey`) of the article at its publisher. */
  addresses: string[];
  /** Sampled shingle hashes of the article text, sorted. */
  shingles: number[];
  /** The article's quotes as folded phrases. */
  quotes: string[];
  /**
   * Folded names of the pack's people and places; each entry lists one entity's forms. Names and
   * terms are term keys (see `termKey`): a word ending in `*` is a stem.
   */
  names: string[][];
  /** Folded subject terms in every language of the story's coverage. */
  topicTerms: string[];
  /** Folded terms of the story's core, of which a related page uses at least one. */
  coreTerms: string[];
}

/** Recognition data for all packs, plus the look-up tables that keep the cost flat. */
export interface CompiledIndex {
  version: 1;
  packs: CompiledPack[];
  /** Address key to the indexes (in `packs`) of the packs whose article lives there. */
  addressIndex: Record<string, number[]>;
  /**
   * A first word to the packs that have a term or name starting with it, as entries
   * `position * 2 + isName` (see {@link indexEntry}). A page word not in this table costs one
   * failed look-up; a pack none of whose words occur is never examined.
   */
  wordIndex: Record<string, number[]>;
  /**
   * For terms whose first word is a stem ("казахстан*"): the stem's first {@link STEM_KEY}
   * letters, then the stem, to entries as in `wordIndex`. A page word costs one more look-up, by
   * its prefix.
   */
  stemIndex: Record<string, Record<string, number[]>>;
}

/** Letters of a word that key the stem index (the shortest stem allowed). */
export const STEM_KEY = 4;

/** An index entry: the pack's position, and whether the word starts one of its names. */
export function indexEntry(position: number, isName: boolean): number {
  return position * 2 + (isName ? 1 : 0);
}

/** The pack position and name flag of an index entry. */
export function readEntry(entry: number): { position: number; isName: boolean } {
  return { position: entry >> 1, isName: (entry & 1) === 1 };
}
