/**
 * The compiled form of a pack's recognition data: what `scripts/build-packs.ts` writes into the
 * library's shards (see `library.ts`) and what the engine reads on a page that passed the gate.
 * Everything in it is already folded and hashed.
 */
import type { Language } from './languages';

/** One pack's recognition data. */
export interface CompiledPack {
  id: string;
  /** Address keys (see `addressKey`) of the article at its publisher. */
  addresses: string[];
  /** Sampled shingle hashes of the article text, sorted. */
  shingles: number[];
  /**
   * The article's numbers and names of people and places in its order (see `sequence.ts`), which
   * a translation keeps.
   */
  anchors: string[];
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
  /**
   * Sets of people and places (indexes into `names`) of which a page naming `atLeast` counts as
   * using a core term.
   */
  coreNames: { names: number[]; atLeast: number }[];
  /**
   * Each language's subject and core terms, and its own names of people and places, to tell which
   * language a related page reports in.
   */
  languages: { lang: Language; terms: string[]; names: string[] }[];
}

/** The engine's index over the packs a page is checked against, with their address table. */
export interface CompiledIndex {
  packs: CompiledPack[];
  /** Address key to the indexes (in `packs`) of the packs whose article lives there. */
  addressIndex: Record<string, number[]>;
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
