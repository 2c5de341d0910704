/**
 * The name gate: a cheap test on the page's raw text (`document.body.textContent`, read once) that
 * lets through every page on which some pack could find two of its people and places, and stops
 * the rest before the page's main text is read or split into words. Every verdict other than the
 * address one needs two of a pack's names (see `THRESHOLDS.relatedNames`), so a page the gate
 * stops is a page the engine would call none.
 *
 * It never folds the page: one native RegExp finds the first letters of any name (case-blind),
 * and only there is the text lower-cased and compared, a few characters at a time. Text the
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
   * The characters that make a text unfit for the gate, as hexadecimal code point ranges
   * (`"ad,300-36f,…"`): those the engine's folding removes or turns into letters of a key.
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
  const { finder, unsafe, byPrefix } = tablesOf(gate);
  if (unsafe.test(text)) return true;
  const found = new Map<number, Set<number>>();
  finder.lastIndex = 0;
  for (let match = finder.exec(text); match; match = finder.exec(text)) {
    const start = match.index;
    // Next search from the next character, so that overlapping names are all seen.
    finder.lastIndex = start + 1;
    // Inside a word, unless a capital starts it: `textContent` joins blocks ("KazakhstanPutin").
    if (start > 0 && isLower(text, start - 1) && isLower(text, start)) continue;
    const hit = gateFold(match[0]);
    for (let length = hit.length; length > 0; length--) {
      for (const key of byPrefix.get(hit.slice(0, length)) ?? []) {
        if (!isWordAt(text, start, gate.keys[key] ?? '')) continue;
        for (const entity of gate.entities[key] ?? []) {
          const pack = Math.floor(entity / ENTITY_SLOTS);
          const seen = found.get(pack) ?? new Set<number>();
          found.set(pack, seen.add(entity));
          if (seen.size >= names) return true;
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
  finder: RegExp;
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
  const prefixes = [...byPrefix.keys()].sort((a, b) => b.length - a.length).map(escape);
  const ranges = gate.unsafe
    .split(',')
    .filter(Boolean)
    .map((range) =>
      range
        .split('-')
        .map((hex) => `\\u{${hex}}`)
        .join('-'),
    );
  tables = {
    // With no names at all, no page can name two: a RegExp that never matches.
    finder: new RegExp(prefixes.length > 0 ? prefixes.join('|') : '[^\\s\\S]', 'giu'),
    unsafe: new RegExp(ranges.length > 0 ? `[${ranges.join('')}]` : '[^\\s\\S]', 'u'),
    byPrefix,
  };
  built.set(gate, tables);
  return tables;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
