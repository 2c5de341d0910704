/**
 * The name gate: a cheap test on the page's raw text (`document.body.textContent`, read once) that
 * lets through every page on which some pack could find two of its people and places, and stops
 * the rest before the page's main text is read or split into words. Every verdict other than the
 * address one needs two of a pack's names (see `THRESHOLDS.relatedNames`), so a page the gate
 * stops is a page the engine would call none.
 *
 * It looks for names as prose writes them: a capital, then the letters of the key ("Putin",
 * "Kazakhstan"). V8 scans for such a case-sensitive alternation several times faster than for a
 * case-blind one (it skips ahead between the rare capital letters), which is what keeps a page
 * that is not a story near the cost of reading its text (see "Recognition cost" in the README).
 * Only at a hit is the text folded (see `foldText`) and compared with the key, so zero-width
 * characters and combining accents inside a name are read through. Two kinds of page are folded
 * whole and searched case-blind instead: a page with soft hyphens (found natively, and the mark
 * of re-typeset text), and a page whose title or opening text has letters of a key in another
 * script (a Russian or Ukrainian page).
 *
 * What it does not see, by design: a name written only in lower case or all in capitals ("putin",
 * "PUTIN"), in full-width or ligature letters, or with a zero-width character in its first
 * {@link GATE_PREFIX} letters, on a page that has no soft hyphen. A story's page writes its
 * people and places as names, many times over.
 */
import { foldText, plainText } from './normalize';

/** The gate as `scripts/build-packs.ts` compiles it (see `compileGate`). */
export interface CompiledGate {
  /**
   * One word per name form of every pack (its most telling word), folded, sorted, once each;
   * a trailing `*` marks a stem that matches any ending.
   */
  keys: string[];
  /** For each key, the entities it names, as {@link gateEntity} numbers. */
  entities: number[][];
}

/** Letters of a key that the gate's RegExp searches for; the rest are compared at each hit. */
export const GATE_PREFIX = 4;
/** How much of a page's text is looked at for the script it is written in, besides its title. */
export const SCRIPT_SAMPLE = 1_000;
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
 * Whether `text` may name at least `names` people or places of one pack (as whole words, or stems
 * at a word's start). `title` is the page's title, which tells the script it is written in.
 */
export function passesGate(text: string, gate: CompiledGate, names: number, title = ''): boolean {
  const tables = tablesOf(gate);
  const { script } = tables;
  const fold =
    text.includes('\u00ad') ||
    (script !== null && (script.test(title) || script.test(text.slice(0, SCRIPT_SAMPLE))));
  if (fold) return namesFound(gateFold(foldText(text)), tables.folded, gate, tables, names);
  return tables.written !== null && namesFound(text, tables.written, gate, tables, names);
}

/** Whether `finder` finds `names` entities of one pack in `text`, each confirmed where it starts. */
function namesFound(
  text: string,
  finder: RegExp,
  gate: CompiledGate,
  { byPrefix, reach }: GateTables,
  names: number,
): boolean {
  const seen = new Map<number, Set<number>>();
  finder.lastIndex = 0;
  for (let match = finder.exec(text); match; match = finder.exec(text)) {
    const start = match.index;
    // Next search from the next character, so that overlapping names are all seen.
    finder.lastIndex = start + 1;
    // Inside a word: keys in other scripts are searched for without `\b`.
    if (start > 0 && isLower(text, start - 1) && isLower(text, start)) continue;
    // Folded once per hit, far enough for the longest key with marks or invisible characters in it.
    const plain = plainText(text.slice(start, start + reach));
    const folded = gateFold(plain);
    // Lower-casing keeps the length of almost every text; where it does not, go by the folded one.
    const cased = folded.length === plain.length ? plain : folded;
    for (let length = Math.min(GATE_PREFIX, folded.length); length > 0; length--) {
      for (const key of byPrefix.get(folded.slice(0, length)) ?? []) {
        if (!isWordAt(folded, cased, gate.keys[key] ?? '')) continue;
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
 * Whether the key's word starts `folded` (text read as the engine folds it; `cased` is the same
 * before lower-casing). A whole word must not run on into a lower-case letter; a capital may
 * follow, as where `textContent` joins two blocks ("KazakhstanRussians fled").
 */
function isWordAt(folded: string, cased: string, key: string): boolean {
  const stem = key.endsWith('*');
  const word = stem ? key.slice(0, -1) : key;
  return folded.startsWith(word) && (stem || !isLower(cased, word.length));
}

const LOWER = /\p{Ll}/u;
const MARKS = /\p{M}/gu;

function isLower(text: string, at: number): boolean {
  return LOWER.test(text.charAt(at));
}

interface GateTables {
  /** Keys in Latin letters as prose writes them, case-sensitive: "Puti|Kaza|Choï|Choi|…". */
  written: RegExp | null;
  /** All keys in folded text: Latin ones from a word boundary (`\b`), the others anywhere. */
  folded: RegExp;
  /** The letters of the keys in other scripts than Latin, in either case. */
  script: RegExp | null;
  /** A key's first letters (up to {@link GATE_PREFIX}) to the positions of the keys they start. */
  byPrefix: Map<string, number[]>;
  /** How much text is folded at a hit: twice the longest key, and one more for the next letter. */
  reach: number;
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
  const word = /^\w/;
  const latin = [...byPrefix.keys()].filter((prefix) => word.test(prefix));
  const others = [...byPrefix.keys()].filter((prefix) => !word.test(prefix));
  // Decomposed text ("Choi" + U+0308) is found by the letters without their marks: with marks in
  // it, V8 scans for the RegExp several times slower. The hit is folded, so the marks count there.
  const written = latin.flatMap((prefix) => {
    const capital = prefix.charAt(0).toUpperCase() + prefix.slice(1);
    return [capital, capital.normalize('NFD').replace(MARKS, '')];
  });
  const letters = [...new Set(others.join(''))].join('');
  const folded = [
    latin.length > 0 ? `\\b${trie(latin)}` : '',
    others.length > 0 ? trie(others) : '',
  ]
    .filter(Boolean)
    .join('|');
  tables = {
    written: written.length > 0 ? new RegExp(trie(written), 'g') : null,
    folded: new RegExp(folded || '[^\\s\\S]', 'g'),
    script: letters ? new RegExp(`[${escape(letters)}]`, 'i') : null,
    byPrefix,
    reach: 2 * gate.keys.reduce((longest, key) => Math.max(longest, key.length), 0) + 1,
  };
  built.set(gate, tables);
  return tables;
}

/**
 * A RegExp source that matches the start of any of `words`, as a tree of their letters
 * ("Ka(?:za|sa)|Mo(?:sc|sk)"): with many words (a thousand packs), V8 then tries a letter or two
 * at each capital instead of every word in turn.
 */
function trie(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    if (!word) return '';
    const rests = byFirst.get(word.charAt(0));
    if (rests) rests.push(word.slice(1));
    else byFirst.set(word.charAt(0), [word.slice(1)]);
  }
  const branches = [...byFirst].map(([first, rests]) => escape(first) + trie(rests));
  return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
