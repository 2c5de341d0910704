/**
 * The library: every story's recognition data, kept by the extension (never in a page) in
 * shards, so that checking a suspect page reads a few small files whatever the number of stories.
 * The page gate (`gate.ts`) names what it may have seen; {@link candidatesFor} looks those names
 * and addresses up in the postings and returns the packs that are really candidates: an article
 * whose address key the page has, or a story two of whose people and places the page names. Only
 * those packs, and the engine, ever reach the page.
 */
import type { CompiledPack } from './compiled';
import { fnv1a } from './fingerprint';
import type { Suspect } from './gate';

/** Gate form to the entities it names ({@link gateEntity}); `@`+address key to pack positions. */
export type Postings = Record<string, number[]>;

/** How the library is split, written beside its shards. */
export interface LibraryMeta {
  version: 1;
  /** Number of packs, at positions 0 … stories − 1. */
  stories: number;
  /** Packs per pack shard (shard `s` holds positions s × packsPerShard onwards). */
  packsPerShard: number;
  /** Number of postings shards (a key lives in shard {@link shardOf}). */
  postingShards: number;
}

/** Where the library is read from: files packaged with the extension, or memory in tests. */
export interface LibrarySource {
  meta(): Promise<LibraryMeta>;
  postings(shard: number): Promise<Postings>;
  packs(shard: number): Promise<CompiledPack[]>;
}

/** The library as the build writes it. */
export interface SplitLibrary {
  meta: LibraryMeta;
  postings: Postings[];
  packs: CompiledPack[][];
}

const ENTITY_SLOTS = 2 ** 16;

/** A gate entity number: the pack's position and the entity's index in its `names`. */
export function gateEntity(position: number, entity: number): number {
  return position * ENTITY_SLOTS + entity;
}

/** The postings key of an article's address key. */
export function addressPosting(addressKey: string): string {
  return `@${addressKey}`;
}

/** The postings shard a key lives in. */
export function shardOf(key: string, shards: number): number {
  return fnv1a(key) % shards;
}

/** Splits packs and their postings into shards of about the given sizes. */
export function splitLibrary(
  packs: readonly CompiledPack[],
  postings: Postings,
  sizes = { packsPerShard: 64, keysPerShard: 4_096 },
): SplitLibrary {
  const postingShards = Math.max(1, Math.ceil(Object.keys(postings).length / sizes.keysPerShard));
  const shards: Postings[] = Array.from({ length: postingShards }, () => ({}));
  for (const [key, values] of Object.entries(postings)) {
    const shard = shards[shardOf(key, postingShards)];
    if (shard) shard[key] = values;
  }
  const packShards: CompiledPack[][] = [];
  for (let start = 0; start < packs.length; start += sizes.packsPerShard) {
    packShards.push(packs.slice(start, start + sizes.packsPerShard));
  }
  return {
    meta: { version: 1, stories: packs.length, packsPerShard: sizes.packsPerShard, postingShards },
    postings: shards,
    packs: packShards,
  };
}

/** A source over a split library in memory (tests, the benchmark). */
export function memorySource(library: SplitLibrary): LibrarySource {
  return {
    meta: () => Promise.resolve(library.meta),
    postings: (shard) => Promise.resolve(library.postings[shard] ?? {}),
    packs: (shard) => Promise.resolve(library.packs[shard] ?? []),
  };
}

/**
 * The packs a suspect page may carry: those whose article lives at one of its addresses, and
 * those of which it names at least `names` people and places (as the engine's verdicts need).
 */
export async function candidatesFor(
  suspect: Suspect,
  source: LibrarySource,
  names: number,
): Promise<CompiledPack[]> {
  const meta = await source.meta();
  const keys = [...suspect.addresses.map(addressPosting), ...suspect.names];
  const shards = [...new Set(keys.map((key) => shardOf(key, meta.postingShards)))];
  const loaded = new Map(
    await Promise.all(shards.map(async (shard) => [shard, await source.postings(shard)] as const)),
  );
  const positions = new Set<number>();
  const entities = new Map<number, Set<number>>();
  for (const key of keys) {
    const posted = loaded.get(shardOf(key, meta.postingShards));
    const values = posted && Object.hasOwn(posted, key) ? posted[key] : undefined;
    if (!values) continue;
    if (key.startsWith('@')) {
      for (const position of values) positions.add(position);
      continue;
    }
    for (const entity of values) {
      const position = Math.floor(entity / ENTITY_SLOTS);
      const seen = entities.get(position) ?? new Set<number>();
      entities.set(position, seen.add(entity));
      if (seen.size >= names) positions.add(position);
    }
  }
  const wanted = [...positions].filter((position) => position < meta.stories).sort((a, b) => a - b);
  const packShards = [
    ...new Set(wanted.map((position) => Math.floor(position / meta.packsPerShard))),
  ];
  const packs = new Map(
    await Promise.all(packShards.map(async (shard) => [shard, await source.packs(shard)] as const)),
  );
  return wanted.flatMap((position) => {
    const shard = packs.get(Math.floor(position / meta.packsPerShard));
    const pack = shard?.[position % meta.packsPerShard];
    return pack ? [pack] : [];
  });
}

/** Where the library's files sit in the extension package (written by `scripts/build-packs.ts`). */
export const LIBRARY_FILES = {
  meta: 'recognition/meta.json',
  postings: (shard: number) => `recognition/postings-${shard}.json`,
  packs: (shard: number) => `recognition/packs-${shard}.json`,
  /** A pack as the panel shows it. */
  pack: (id: string) => `packs/${id}.json`,
  /** A pack's texts in another language (see `utils/packs/translation.ts`). */
  translation: (id: string, lang: string) => `packs/${id}.${lang}.json`,
  /** The stories Backstory knows, as a page with no verdict lists them (no pack id can clash). */
  catalogue: 'recognition/stories.json',
} as const;
