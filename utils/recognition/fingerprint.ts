/**
 * Fingerprints of text: hashed word shingles, sampled so a pack stores a fraction of them and a
 * page is compared with a handful of integer look-ups. Containment (the share of the article's
 * sampled shingles present on the page) estimates how much of the article a page carries.
 */

/** Words per shingle: long enough that unrelated text almost never shares one, short enough to survive edits. */
export const SHINGLE_WORDS = 5;
/** Keep a shingle when `hash % SAMPLE_MODULUS === 0`: about one in four. */
export const SAMPLE_MODULUS = 4;

/** 32-bit FNV-1a over a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The sampled shingle hashes of a word sequence, as a set. Each word is hashed once and a
 * shingle's hash mixes its words' hashes, so the cost is one pass over the text, not five.
 */
export function sampledShingles(words: readonly string[]): Set<number> {
  const hashes = new Set<number>();
  const wordHashes = words.map(fnv1a);
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
    let hash = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_WORDS; j++) {
      hash = Math.imul(hash ^ (wordHashes[i + j] ?? 0), 0x01000193);
      hash ^= hash >>> 15;
    }
    hash >>>= 0;
    if (hash % SAMPLE_MODULUS === 0) hashes.add(hash);
  }
  return hashes;
}

/** The share (0..1) of `reference` hashes that also occur in `page`. */
export function containment(reference: readonly number[], page: ReadonlySet<number>): number {
  if (reference.length === 0) return 0;
  let found = 0;
  for (const hash of reference) if (page.has(hash)) found++;
  return found / reference.length;
}
