/**
 * The page gate: what the script on every page knows of the stories, and the cheap look that
 * tells a page that could carry one from the rest (most pages), before anything else is read,
 * loaded or sent. It holds one Bloom filter (see `bloom.ts`) over every story's name keys, the
 * hosts of its articles and their address keys, so its size grows by a few bytes per story and
 * its cost per page does not grow at all.
 *
 * A page is a suspect when its address or canonical link may be an article's, or when at least
 * two different name keys may be on it. The filter can err only towards suspicion (rarely: see
 * `DEFAULT_SIZING`); the extension then checks the suspect exactly (`library.ts`: two names of
 * one story) before any story's data or code comes to the page.
 *
 * Names are looked for as prose writes them: a capital letter, then lower-case letters, marks and
 * invisible characters ("Putin", "Казахстане", "Kazakh\u00ADstan", "Choi\u0308gou"); in Georgian,
 * which prose writes without capitals, any word ("პუტინი"). Each such
 * word is folded (`foldText`'s rules) and looked up whole, joined to the word right before it when
 * the two touch ("McDonald", "DeSantis"), and, for the stems of inflecting languages
 * ("казахстан*"), by its first letters. What it does not see, by design: names written only in
 * lower case or all in capitals, and names with a zero-width character or a combining accent in
 * their first three letters (soft hyphens are read through anywhere).
 */
import { bloomHas, FNV_PRIME, hashOf, hashStart, hashStep, type BloomFilter } from './bloom';
import { INVISIBLE_CHARS, plainText } from './normalize';
import { addressHost, addressKey } from './url';

/** The gate as the build writes it and the page reads it. */
export interface PageGate {
  version: 6;
  /** Name keys (tag "n"), stems (tag "s"), article hosts (tag "h") and address keys (tag "a"). */
  filter: BloomFilter;
  /** Letters that start a stem: only words starting with one are tried as stems. */
  stemStarts: string;
  /** The lengths of the stems' gate forms, shortest first (see {@link gateForm}). */
  stemLengths: number[];
  /** Where a name may start in text, as one RegExp source (see {@link startsPattern}). */
  starts: string;
  /** What the filter holds, for the benchmark's bytes per story. */
  counts: { stories: number; names: number; hosts: number; addresses: number };
}

/** Tags that keep the kinds of item in the filter apart. */
export const TAG = { name: 'n', stem: 's', host: 'h', address: 'a' } as const;

/** Letters of a stem the gate compares; longer stems are looked up by these first letters. */
export const STEM_GATE = 6;

/** The most names a page reports: enough for any story's two and the extension's exact check. */
export const MAX_NAMES = 48;

/** What the page tells the extension about a suspect page. */
export interface Suspect {
  /** Address keys of the page's address and canonical link that may be an article's. */
  addresses: string[];
  /** The gate forms of the name keys that may be on the page (see {@link gateForm}). */
  names: string[];
}

/**
 * The form in which a name key enters the gate: the key itself, or for a stem ("казахстан*") its
 * first {@link STEM_GATE} letters with the `*` ("казахс*").
 */
export function gateForm(key: string): string {
  return key.endsWith('*') ? `${key.slice(0, -1).slice(0, STEM_GATE)}*` : key;
}

/** The form the gate compares text in: lower case, final sigma as sigma (it depends on context). */
export function gateFold(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}

/** A suspect when the page may carry a story, else null. */
export function screenPage(
  page: { address: string; canonical: string | null; text: string },
  gate: PageGate,
): Suspect | null {
  const found = findOnPage(page, gate);
  return isSuspect(found) ? found : null;
}

/** What the gate finds on a page, a suspect or not (see {@link isSuspect}). */
export function findOnPage(
  page: { address: string; canonical: string | null; text: string },
  gate: PageGate,
): Suspect {
  return {
    addresses: addressesIn(page.address, page.canonical, gate),
    names: namesIn(page.text, gate),
  };
}

/** Whether what the gate found on a page makes it a suspect: an article's address, or two names. */
export function isSuspect({ addresses, names }: Suspect): boolean {
  return addresses.length > 0 || names.length >= 2;
}

/** The page's address and canonical link, as address keys, where the filter may hold them. */
export function addressesIn(address: string, canonical: string | null, gate: PageGate): string[] {
  const keys: string[] = [];
  for (const candidate of [address, canonical]) {
    if (!candidate) continue;
    // Most pages live on hosts with no story's article: their addresses are not taken apart.
    const host = addressHost(candidate, address);
    if (host === null || !bloomHas(gate.filter, hashOf(TAG.host, host))) continue;
    const key = addressKey(candidate, address);
    if (key === null || keys.includes(key)) continue;
    if (bloomHas(gate.filter, hashOf(TAG.address, key))) keys.push(key);
  }
  return keys;
}

/** The most letters of a word in a script without case that is looked up (longer: no name). */
const MAX_CASELESS = 40;

const finders = new WeakMap<PageGate, RegExp>();

/**
 * The gate forms of the name keys that may be in `text`, each once, at most {@link MAX_NAMES}.
 *
 * A native RegExp finds where a name may start: a capital and the next two letters of some key
 * ("Put", "Kaz", "Каз"; see {@link startsPattern}). V8 scans for such a pattern much faster than
 * JavaScript can walk the characters (see docs/performance.md), and most words of most pages do
 * not start like any name. From each start the rest of the word is read here: lower-case
 * letters, marks and invisible characters (by {@link charClass}). A word of ASCII letters (most
 * words on most pages) is hashed as it is read and looked up by that hash, made a string only for
 * a hit or a stem's look; any other is cut out, folded (`foldText`'s rules) and looked up.
 */
export function namesIn(text: string, gate: PageGate): string[] {
  const found = new Map<number, string>();
  // One RegExp for every script, compiled on the page at its first look (a compile per script
  // would cost every page more; the lead is short enough for the mixed pattern's slower scan).
  let finder = finders.get(gate);
  if (!finder) {
    finder = new RegExp(gate.starts, 'g');
    finders.set(gate, finder);
  }
  // Re-typeset text breaks words with soft hyphens anywhere, even in a name's first letters: such
  // a page is read without them (found natively, so other pages pay almost nothing).
  const read = text.includes('\u00ad') ? text.replaceAll('\u00ad', '') : text;
  namesFrom(finder, read, gate, found);
  return [...found.values()];
}

/** Adds to `found` the names of `text` at the starts `finder` finds. */
function namesFrom(finder: RegExp, text: string, gate: PageGate, found: Map<number, string>) {
  const { filter, stemStarts } = gate;
  const look = (word: string) => {
    const hash = hashOf(TAG.name, word);
    if (!found.has(hash) && bloomHas(filter, hash)) found.set(hash, word);
    if (stemStarts.includes(word.charAt(0))) lookStems(word, gate, found);
  };
  const length = text.length;
  let previousEnd = -1;
  let previousStart = 0;
  let previousAscii = true;
  finder.lastIndex = 0;
  for (let match = finder.exec(text); match && found.size < MAX_NAMES; match = finder.exec(text)) {
    const start = match.index;
    const first = text.charCodeAt(start);
    let ascii = first < 0x80;
    const caseless = !ascii && charClass(first) === CASELESS;
    // The word's hash is read with it (`hashStep` written out: no call per letter in code that
    // every page runs cold). It serves words of ASCII letters only; the others are folded and
    // hashed again below.
    let hash = Math.imul(NAME_HASH_START ^ (first | 0x20), FNV_PRIME);
    let at = start + 1;
    for (; at < length; at++) {
      const code = text.charCodeAt(at);
      if (code >= 97 && code <= 122 && !caseless) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      // Any other ASCII character (a capital, a space, a sign) ends the word.
      if (code < 0x80) break;
      const kind = charClass(code);
      if (kind !== MARK && kind !== (caseless ? CASELESS : LOWER)) break;
      ascii = false;
    }
    finder.lastIndex = at;
    if (caseless && at - start > MAX_CASELESS) continue;
    // A word of ASCII letters (most words on most pages) folds to itself in lower case: it is
    // looked up by the hash read with it, and cut out only for a hit or a stem's look.
    if (ascii) {
      const hit = !found.has(hash) && bloomHas(filter, hash);
      const stemmed = stemStarts.includes(String.fromCharCode(first | 0x20));
      if (hit || stemmed) {
        const word = text.slice(start, at).toLowerCase();
        if (hit) found.set(hash, word);
        if (stemmed) lookStems(word, gate, found);
      }
    } else {
      look(gateFold(plainText(text.slice(start, at))));
    }
    // Two capitalized parts that touch may be one name ("McDonald").
    if (start === previousEnd) {
      const joined = text.slice(previousStart, at);
      look(ascii && previousAscii ? joined.toLowerCase() : gateFold(plainText(joined)));
    }
    previousAscii = ascii;
    previousStart = start;
    previousEnd = at;
  }
}

/** `hashStart(TAG.name)`, written out for the page (a test holds them equal). */
export const NAME_HASH_START = 0x35362923;

/**
 * The RegExp source of the starts of `forms` (gate forms, folded) as prose writes them: each
 * key's first letter as a capital (as is, in a script without case) and its next two letters, also
 * without their accents, since decomposed text writes them as a letter and a mark; grouped by the
 * first two ("Pu[t]|Ka[sz]"), the keys of each script (block of 256 code points; Latin-1 apart)
 * together.
 */
export function startsPattern(forms: readonly string[]): string {
  const byScript = new Map<number, string[]>();
  for (const form of forms) {
    const code = form.charCodeAt(0);
    const script = code < 0x100 ? 0 : code >> 8;
    const group = byScript.get(script);
    if (group) group.push(form);
    else byScript.set(script, [form]);
  }
  return [...byScript]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => scriptStarts(group))
    .filter(Boolean)
    .join('|');
}

/** The RegExp source of the starts of `forms`, all in one script (see {@link startsPattern}). */
function scriptStarts(forms: readonly string[]): string {
  // The first two letters ("Ka"), then the third letters of the keys that start so ("[sz]");
  // null when a key has only two letters, which then start a name themselves.
  const thirds = new Map<string, Set<string> | null>();
  for (const form of forms) {
    const [first = '', second = '', third = ''] = [...form.replace(/\*$/, '')];
    if (!first || !second) continue;
    const capital = first.toUpperCase();
    // Prose starts a name with a capital, except in Georgian, whose capitals (Mtavruli) it
    // does not use.
    const start = capital.length === 1 && !GEORGIAN.test(first) ? capital : first;
    for (const letter of variants(second)) {
      const pair = start + letter;
      const set = thirds.get(pair);
      if (set === null) continue;
      if (!third) thirds.set(pair, null);
      else thirds.set(pair, new Set([...(set ?? []), ...variants(third)]));
    }
  }
  return [...thirds]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([pair, set]) =>
      set
        ? `${[...pair].map(escape).join('')}[${[...set].sort().map(escape).join('')}]`
        : [...pair].map(escape).join(''),
    )
    .join('|');
}

/** A letter, and the letter without its accent (decomposed text writes it as letter and mark). */
function variants(letter: string): string[] {
  const base = letter.normalize('NFD').charAt(0);
  return base === letter ? [letter] : [letter, base];
}

/** Georgian's everyday letters (Mkhedruli). */
const GEORGIAN = /[\u10D0-\u10FF]/;

function escape(char: string): string {
  return /[\\\][^$.|?*+(){}/-]/.test(char) ? `\\${char}` : char;
}

/** Looks up the starts of a folded word as stems, at the stems' lengths. */
function lookStems(word: string, gate: PageGate, found: Map<number, string>): void {
  let hash = hashStart(TAG.stem);
  let length = 0;
  for (const wanted of gate.stemLengths) {
    if (wanted > word.length) return;
    for (; length < wanted; length++) hash = hashStep(hash, word.charCodeAt(length));
    if (!found.has(hash) && bloomHas(gate.filter, hash))
      found.set(hash, `${word.slice(0, wanted)}*`);
  }
}

const OTHER = 0;
const LOWER = 2;
const CASELESS = 3;
const MARK = 4;
const UPPER = 1;

// Classes of the non-ASCII code units met so far (a page uses few: its own alphabet, quotes).
const classes = new Map<number, number>();

/**
 * The classes by Unicode's properties, for code units outside the ranges {@link charClass} knows,
 * one group each (UPPER, LOWER, CASELESS, MARK). Made and compiled only on a page that needs it:
 * the browser checks a Unicode property class in a RegExp literal when it reads the script, which
 * cost every page about 0.3 ms for each of the four literals this replaced, even unused
 * (docs/performance.md).
 */
const classifierSource = () =>
  `([\\p{Lu}\\p{Lt}])|([\\p{Ll}\\p{Lm}])|(\\p{Lo})|([\\p{M}${INVISIBLE_CHARS}])`;
let classifier: RegExp | undefined;

/** A UTF-16 code unit's class for the gate: a capital, a lower-case letter, and so on. */
export function charClass(code: number): number {
  if (code < 0x80) {
    if (code >= 97 && code <= 122) return LOWER;
    return code >= 65 && code <= 90 ? UPPER : OTHER;
  }
  // The alphabets of most pages by their ranges: a Unicode RegExp costs a compile on every page.
  if (code < 0xc0) {
    // Latin-1's spaces and signs (a no-break space after a name is common); its three letters
    // (ª, µ, º) are looked up below.
    if (code === 0xad) return MARK;
    if (code !== 0xaa && code !== 0xb5 && code !== 0xba) return OTHER;
  } else if (code <= 0xff) {
    if (code !== 0xd7 && code !== 0xf7) return code <= 0xde ? UPPER : LOWER;
  }
  // Cyrillic's basic letters, Russian's and Ukrainian's among them.
  if (code >= 0x400 && code <= 0x45f) return code < 0x430 ? UPPER : LOWER;
  if (code >= 0x300 && code <= 0x36f) return MARK;
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return MARK;
  // General punctuation: spaces, dashes, quotes.
  if (code >= 0x2000 && code <= 0x206f) return OTHER;
  const known = classes.get(code);
  if (known !== undefined) return known;
  const match = (classifier ??= new RegExp(classifierSource(), 'u')).exec(
    String.fromCharCode(code),
  );
  const kind = !match ? OTHER : match[1] ? UPPER : match[2] ? LOWER : match[3] ? CASELESS : MARK;
  classes.set(code, kind);
  return kind;
}
