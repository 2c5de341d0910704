/**
 * The name gate: a cheap test on the page's raw text (`document.body.textContent`, read once) that
 * lets through every page on which some pack could find two of its people and places, and stops
 * the rest before the page's main text is read or split into words. Every verdict other than the
 * address one needs two of a pack's names (see `THRESHOLDS.relatedNames`), so a page the gate
 * stops is a page the engine would call none.
 *
 * It never folds the page: native RegExps find the first letters of any name (case-blind, at a
 * word's start), and only there is the text lower-cased and compared, a few characters at a time.
 * The RegExps go without the `u` flag and, for names in Latin letters, start at `\b`: both
 * several times faster in V8 (measured with `npm run bench`). A name that `textContent` glues to
 * the end of the previous block's last word ("…in KazakhstanPutin") is not seen there; a story's
 * page names its people and places many times over. Text the
 * engine's folding (see `foldText`) could turn into a name's letters (soft hyphens and zero-width
 * characters inside words, combining accents, full-width or ligature letters) cannot be judged
 * this way: such pages always pass, to the full check.
 */

/** The gate as `scripts/build-packs.ts` compiles it (see `compileGate`). */
export interface CompiledGate {
  /**
   * One word per name form of every pack (its most telling word), folded, sorted, once each;
   * a trailing `*` marks a stem that matches any ending.
   */
  keys: string[];
  /** For each key, the entities it names, as {@link gateEntity} numbers. */
  entities: number[][];
  /**
   * The characters that make a text unfit for the gate: those the engine's folding removes or
   * turns into letters of a key. Code point ranges, each as its distance from the end of the one
   * before and, when longer than one, `+` the rest of its length, in base 36: `"4q,1d,…,8i+2"`
   * (see {@link decodeRanges}; it keeps the injected script small).
   */
  unsafe: string;
}

/** Letters of a key that the gate's RegExp searches for; the rest are compared at each hit. */
export const GATE_PREFIX = 4;
const ENTITY_SLOTS = 2 ** 16;

/** A gate entity number: the pack's position and the entity's index in its `names`. */
export function gateEntity(position: number, entity: number): number {
  return position * ENTITY_SLOTS + entity;
}

/** The form the gate compares text in: lower case, final sigma as sigma (it depends on context). */
export function gateFold(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

/**
 * Whether `text` may name at least `names` people or places of one pack: true when it does (as
 * whole words, or stems at a word's start), and true when the text cannot be judged cheaply.
 */
export function passesGate(text: string, gate: CompiledGate, names: number): boolean {
  const { latin, other, others, coarse, unsafe, byPrefix } = tablesOf(gate);
  if (hasUnsafe(text, coarse, unsafe)) return true;
  // Names in other scripts than Latin are searched for only on pages with their first letters;
  // most pages are searched by the fast `\b` RegExp only.
  const finder = others?.test(text) ? other : latin;
  if (!finder) return false;
  const seen = new Map<number, Set<number>>();
  finder.lastIndex = 0;
  for (let match = finder.exec(text); match; match = finder.exec(text)) {
    const start = match.index;
    // Next search from the next character, so that overlapping names are all seen.
    finder.lastIndex = start + 1;
    // Inside a word (names in other scripts are found without `\b`).
    if (start > 0 && isLower(text, start - 1) && isLower(text, start)) continue;
    const hit = gateFold(match[0]);
    for (let length = hit.length; length > 0; length--) {
      for (const key of byPrefix.get(hit.slice(0, length)) ?? []) {
        if (!isWordAt(text, start, gate.keys[key] ?? '')) continue;
        for (const entity of gate.entities[key] ?? []) {
          const pack = Math.floor(entity / ENTITY_SLOTS);
          const entities = seen.get(pack) ?? new Set<number>();
          seen.set(pack, entities.add(entity));
          if (entities.size >= names) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Whether the key's word is at `start`. A whole word must not run on into a lower-case letter; a
 * capital may follow, as where `textContent` joins two blocks ("KazakhstanRussians fled").
 */
function isWordAt(text: string, start: number, key: string): boolean {
  const stem = key.endsWith('*');
  const word = stem ? key.slice(0, -1) : key;
  if (gateFold(text.slice(start, start + word.length)) !== word) return false;
  return stem || start + word.length >= text.length || !isLower(text, start + word.length);
}

const LOWER = /\p{Ll}/u;

function isLower(text: string, at: number): boolean {
  return LOWER.test(text.charAt(at));
}

interface GateTables {
  /** Keys that start with a letter of `\w`, at a word boundary (`\b` is the fast way in). */
  latin: RegExp | null;
  /** All keys, for text with letters of other scripts. */
  other: RegExp | null;
  /** The first letters of the keys not in `latin`. */
  others: RegExp | null;
  /** A class of a few wide ranges around the unsafe characters: a fast first look. */
  coarse: RegExp;
  /** The unsafe characters exactly, sticky: tried where `coarse` finds something. */
  unsafe: RegExp;
  /** A key's first letters (up to {@link GATE_PREFIX}) to the positions of the keys they start. */
  byPrefix: Map<string, number[]>;
}

const built = new WeakMap<CompiledGate, GateTables>();
function tablesOf(gate: CompiledGate): GateTables {
  let tables = built.get(gate);
  if (tables) return tables;
  const byPrefix = new Map<string, number[]>();
  gate.keys.forEach((key, position) => {
    const prefix = key.replace(/\*$/, '').slice(0, GATE_PREFIX);
    const list = byPrefix.get(prefix);
    if (list) list.push(position);
    else byPrefix.set(prefix, [position]);
  });
  // Longest first: at one position the RegExp takes the first alternative that matches.
  const prefixes = [...byPrefix.keys()].sort((a, b) => b.length - a.length);
  const word = /^\w/;
  const latinKeys = prefixes.filter((prefix) => word.test(prefix)).map(escape);
  const otherKeys = prefixes.filter((prefix) => !word.test(prefix));
  const firsts = [...new Set(otherKeys.map((prefix) => prefix.charAt(0)))].map(escape).join('');
  const ranges = decodeRanges(gate.unsafe);
  const latin = latinKeys.length > 0 ? `\\b(?:${latinKeys.join('|')})` : '';
  const others = [latin, ...otherKeys.map(escape)].filter(Boolean).join('|');
  tables = {
    latin: latin ? new RegExp(latin, 'gi') : null,
    other: otherKeys.length > 0 ? new RegExp(others, 'gi') : null,
    others: firsts ? new RegExp(`[${firsts}]`, 'i') : null,
    coarse: new RegExp(unsafeSource(coarsen(ranges)), 'g'),
    unsafe: new RegExp(unsafeSource(ranges), 'y'),
    byPrefix,
  };
  built.set(gate, tables);
  return tables;
}

/** Whether the text has an unsafe character: a coarse class scan, then an exact test at each hit. */
function hasUnsafe(text: string, coarse: RegExp, unsafe: RegExp): boolean {
  coarse.lastIndex = 0;
  for (let match = coarse.exec(text); match; match = coarse.exec(text)) {
    unsafe.lastIndex = match.index;
    if (unsafe.test(text)) return true;
  }
  return false;
}

/**
 * Where a text's characters usually are: Latin, Greek, Cyrillic, general punctuation, currency.
 * {@link coarsen} never widens a range over these, so the coarse scan seldom stops on them.
 */
const COMMON: readonly (readonly [number, number])[] = [
  [0, 0x24f],
  [0x370, 0x52f],
  [0x2000, 0x20cf],
];
/** Widest gap between unsafe ranges that the coarse class closes. */
const COARSE_GAP = 256;

/**
 * The unsafe ranges merged across short gaps of uncommon characters, and astral ones widened to
 * their whole high surrogate (one class of a few ranges is several times faster to scan for in
 * V8 than one of ~80 ranges; measured on corpus pages).
 */
function coarsen(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    if (to > 0xffff) {
      const high = String.fromCodePoint(from).charCodeAt(0);
      const last = String.fromCodePoint(to).charCodeAt(0);
      merged.push([high, last]);
      continue;
    }
    const previous = merged.at(-1);
    const gapCommon = (end: number) =>
      COMMON.some(([low, high]) => low <= from - 1 && high >= end + 1);
    if (previous && from - previous[1] <= COARSE_GAP && !gapCommon(previous[1])) {
      previous[1] = to;
    } else merged.push([from, to]);
  }
  return merged;
}

/**
 * The unsafe ranges as RegExp source without the `u` flag (which makes the search several times
 * slower): a class of the BMP ranges, and a high surrogate with a class of low ones for the rest.
 */
function unsafeSource(ranges: readonly (readonly [number, number])[]): string {
  const bmp: string[] = [];
  const astral = new Map<number, number[]>();
  for (const [from, to] of ranges) {
    if (to <= 0xffff) {
      bmp.push(from === to ? unit(from) : `${unit(from)}-${unit(to)}`);
      continue;
    }
    for (let point = from; point <= to; point++) {
      const pair = String.fromCodePoint(point);
      const lows = astral.get(pair.charCodeAt(0)) ?? [];
      astral.set(pair.charCodeAt(0), [...lows, pair.charCodeAt(1)]);
    }
  }
  const parts = bmp.length > 0 ? [`[${bmp.join('')}]`] : [];
  for (const [high, lows] of astral) parts.push(`${unit(high)}[${classOf(lows)}]`);
  return parts.length > 0 ? parts.join('|') : '[^\\s\\S]';
}

/** The inclusive code point ranges of a {@link CompiledGate}'s `unsafe`. */
export function decodeRanges(encoded: string): [number, number][] {
  let end = 0;
  return encoded
    .split(',')
    .filter(Boolean)
    .map((range) => {
      const [gap = '0', rest = '0'] = range.split('+');
      const from = end + parseInt(gap, 36);
      end = from + parseInt(rest, 36);
      return [from, end];
    });
}

/** Sorted code units as class ranges: `\\udc00-\\udc33\\udc36`. */
function classOf(codes: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const code of codes) {
    const last = ranges.at(-1);
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges
    .map(([from, to]) => (from === to ? unit(from) : `${unit(from)}-${unit(to)}`))
    .join('');
}

function unit(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
