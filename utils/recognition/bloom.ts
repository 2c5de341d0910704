/**
 * A Bloom filter over strings, small enough to sit in every page: "is this word one of the
 * stories' name keys?" answered with no false negatives and rare false positives, in a few
 * integer operations, without building anything on the page. The build fills it
 * ({@link buildBloom}); the page hashes each word as it reads it ({@link hashStart},
 * {@link hashStep}) and asks {@link bloomHas}.
 *
 * The bits travel as a string of printable ASCII, 6 bits per character ("0" to "o"): a string
 * needs no decoding on the page, survives JSON and structured cloning, and takes one byte a
 * character in the script on every page, which the browser reads anew on every page. (Until 2
 * December 2026 it held 15 bits per character in code units up to 0x7FFF: fewer characters, but
 * three bytes each in the script's file; V8 in Node read the 10,000-story script's filter about
 * 13% faster in the new form.)
 */

/** The filter's data (see the module comment). */
export interface BloomFilter {
  /** The bits, {@link BITS_PER_CHAR} per character, least significant first. */
  bits: string;
  /** Number of bits. */
  size: number;
  /** Bits set per item. */
  probes: number;
}

/** Bits per character of {@link BloomFilter.bits}. */
export const BITS_PER_CHAR = 6;

/** The character code of the value 0 in {@link BloomFilter.bits} ("0"; the highest, 63, is "o"). */
export const CHAR_ZERO = 0x30;

/** How to size a filter. */
export interface BloomSizing {
  /** Bits per item: 16 gives about one false positive in 2,000 look-ups with 11 probes. */
  bitsPerItem: number;
  /** The least number of bits, so that a filter of few items is nearly exact. */
  minBits: number;
  /** The most probes per look-up (a filter with room to spare would want more). */
  maxProbes: number;
}

/** The sizing the build uses. */
export const DEFAULT_SIZING: BloomSizing = { bitsPerItem: 16, minBits: 8_192, maxProbes: 16 };

const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a's 32-bit prime (see {@link hashStep}). */
export const FNV_PRIME = 0x01000193;

/** The hash state before any character: a tag ("n", "s", "h", "a") keeps kinds of item apart. */
export function hashStart(tag: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < tag.length; i++) hash = hashStep(hash, tag.charCodeAt(i));
  return hashStep(hash, 0);
}

/** The hash state after one more UTF-16 code unit (FNV-1a). */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** The hash of `tag` then `text`. */
export function hashOf(tag: string, text: string): number {
  let hash = hashStart(tag);
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** A filter holding `hashes` (see {@link hashOf}). */
export function buildBloom(hashes: readonly number[], sizing = DEFAULT_SIZING): BloomFilter {
  const unique = new Set(hashes);
  const wanted = Math.max(sizing.minBits, unique.size * sizing.bitsPerItem);
  const size = Math.ceil(wanted / BITS_PER_CHAR) * BITS_PER_CHAR;
  // The optimal number of probes, ln 2 × bits per item.
  const probes = Math.max(
    1,
    Math.min(sizing.maxProbes, Math.round((size / Math.max(1, unique.size)) * Math.LN2)),
  );
  const words = new Uint8Array(size / BITS_PER_CHAR);
  for (const hash of unique) {
    forEachBit(hash, size, probes, (bit) => {
      const at = Math.floor(bit / BITS_PER_CHAR);
      words[at] = (words[at] ?? 0) | (1 << (bit % BITS_PER_CHAR));
    });
  }
  let bits = '';
  for (const word of words) bits += String.fromCharCode(CHAR_ZERO + word);
  return { bits, size, probes };
}

/** Whether the item with this hash may be in the filter (false: it certainly is not). */
export function bloomHas(filter: BloomFilter, hash: number): boolean {
  const { bits, size, probes } = filter;
  let at = mix(hash) % size;
  const step = (mix(hash ^ 0x9e3779b9) % (size - 1)) + 1;
  for (let i = 0; i < probes; i++) {
    const word = bits.charCodeAt(Math.floor(at / BITS_PER_CHAR)) - CHAR_ZERO;
    if (((word >> (at % BITS_PER_CHAR)) & 1) === 0) {
      return false;
    }
    at = (at + step) % size;
  }
  return true;
}

function forEachBit(hash: number, size: number, probes: number, visit: (bit: number) => void) {
  let at = mix(hash) % size;
  const step = (mix(hash ^ 0x9e3779b9) % (size - 1)) + 1;
  for (let i = 0; i < probes; i++) {
    visit(at);
    at = (at + step) % size;
  }
}

/** MurmurHash3's finalizer: spreads FNV's bits, as an unsigned 32-bit integer. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
