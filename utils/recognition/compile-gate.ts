/**
 * Compiles the name gate (see `gate.ts`) at build time: one key per name form of every pack, and
 * the characters that make a page's raw text unfit for the gate. Pure; run by `buildIndex`.
 */
import type { CompiledPack } from './compiled';
import { gateEntity, gateFold, type CompiledGate } from './gate';

/** The gate over all packs' people and places. */
export function compileGate(packs: readonly CompiledPack[]): CompiledGate {
  const byKey = new Map<string, Set<number>>();
  packs.forEach((pack, position) => {
    pack.names.forEach((forms, entity) => {
      for (const form of forms) {
        const key = gateFold(keyWord(form, forms));
        if (!key || key === '*') continue;
        const entities = byKey.get(key) ?? new Set<number>();
        byKey.set(key, entities.add(gateEntity(position, entity)));
      }
    });
  });
  const keys = [...byKey.keys()].sort();
  const alphabet = [...new Set(keys.join('').replace(/\*/g, ''))].sort().join('');
  return {
    keys,
    entities: keys.map((key) => [...(byKey.get(key) ?? [])]),
    unsafe: unsafeRanges(alphabet),
  };
}

/**
 * The word of a name form the gate looks for: every word of a form must be on a page that uses
 * it, so any one will do. The form itself when it is one word; else a word that is also a form of
 * the same entity ("putin" for "vladimir putin"), else the longest.
 */
export function keyWord(form: string, forms: readonly string[]): string {
  const words = form.split(' ');
  if (words.length === 1) return form;
  const shared = words.find((word) => forms.includes(word));
  if (shared) return shared;
  return words.reduce((best, word) => (word.length > best.length ? word : best), '');
}

// The characters `foldText` removes (it must stay in step with `normalize.ts`).
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const memo = new Map<string, string>();

/**
 * The characters on which the gate's reading of raw text could differ from the engine's folded
 * words, for keys spelled with `alphabet`: those folding removes; those NFKC or lower-casing turn
 * into a key letter (ligatures, full-width and mathematical letters, "İ"); combining marks that
 * compose into a key letter; key letters' case variants the RegExp's case-blind search would
 * miss; and lower-case letters that fold to a word boundary. Encoded by {@link encodeRanges}.
 */
export function unsafeRanges(alphabet: string): string {
  const cached = memo.get(alphabet);
  if (cached !== undefined) return cached;
  const letters = new Set(alphabet);
  const hasKeyLetter = (text: string) => [...text].some((char) => letters.has(char));
  const chars = allChars();
  const composing = new Set<string>();
  for (const char of chars) {
    const parts = [...char.normalize('NFD')];
    if (parts.length > 1 && hasKeyLetter(gateFold(char.normalize('NFKC')))) {
      for (const mark of parts.slice(1)) composing.add(mark);
    }
  }
  const unsafe: number[] = [];
  for (const char of chars) {
    const folded = char.normalize('NFKC');
    const lower = char.toLowerCase();
    const edges = [...folded];
    const bad =
      INVISIBLE.test(char) ||
      composing.has(char) ||
      (folded !== char && hasKeyLetter(gateFold(folded))) ||
      (lower.length !== char.length && hasKeyLetter(lower)) ||
      (letters.has(lower) && !new RegExp(escapeChar(lower), 'i').test(char)) ||
      (LOWER.test(char) &&
        folded !== char &&
        !(LETTER_OR_DIGIT.test(edges[0] ?? '') && LETTER_OR_DIGIT.test(edges.at(-1) ?? '')));
    if (bad) unsafe.push(char.codePointAt(0) ?? 0);
  }
  const ranges: [number, number][] = [];
  for (const point of unsafe) {
    const last = ranges.at(-1);
    if (last && last[1] === point - 1) last[1] = point;
    else ranges.push([point, point]);
  }
  const result = encodeRanges(ranges);
  memo.set(alphabet, result);
  return result;
}

/** Inclusive code point ranges in the form {@link decodeRanges} reads. */
export function encodeRanges(ranges: readonly (readonly [number, number])[]): string {
  let end = 0;
  return ranges
    .map(([from, to]) => {
      const gap = (from - end).toString(36);
      end = to;
      return to > from ? `${gap}+${(to - from).toString(36)}` : gap;
    })
    .join(',');
}

function allChars(): string[] {
  const chars: string[] = [];
  for (let point = 0; point <= 0x10ffff; point++) {
    if (point < 0xd800 || point > 0xdfff) chars.push(String.fromCodePoint(point));
  }
  return chars;
}

function escapeChar(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}
