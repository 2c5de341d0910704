/**
 * Folded text with a map back to where each character came from. The page's text is held in many
 * text nodes; this folds them with the engine's rules (`foldText`: invisible characters dropped,
 * NFKC, lower case) into one string of words, and remembers for every folded character which
 * piece and which offsets in it produced it, so a match in the folded text becomes a DOM Range
 * over the original nodes. DOM-free: pieces are plain strings.
 */
import { foldText } from '../recognition/normalize';

/** One run of original text (a text node's data) and whether a block boundary comes before it. */
export interface TextPiece {
  text: string;
  /** True when a block (paragraph, list item, line break) separates this piece from the last. */
  breakBefore: boolean;
}

/** Where a folded character came from: its piece and the original offsets it covers. */
export interface FoldedText {
  /** The folded text; block boundaries are "\n". */
  text: string;
  /** For each UTF-16 unit of `text`: the index of its piece (-1 for a block boundary). */
  piece: Int32Array;
  /** For each unit: the offset in its piece where its original character starts. */
  start: Int32Array;
  /** For each unit: the offset in its piece just past its original character. */
  end: Int32Array;
}

/** A word of the folded text and the folded offsets it spans. */
export interface FoldedWord {
  word: string;
  from: number;
  to: number;
}

// Same sets as utils/recognition/normalize.ts: invisible characters are dropped (they join what
// they split, as `foldText` does), words are runs of letters and digits.
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/;
const WORD = /[\p{L}\p{N}]+/gu;
// A character and the combining marks after it fold together (NFKC composes "e" + "́" into "é").
const CLUSTER = /[\s\S]\p{M}*/gu;

/**
 * Folds pieces of text into one string, character by character, keeping the map back to the
 * pieces. Per character the result equals `foldText` of the whole (for the scripts the packs
 * use), so words compare equal to `tokenize` of a pack's quote.
 */
export function foldPieces(pieces: readonly TextPiece[]): FoldedText {
  const out: string[] = [];
  const piece: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const push = (unit: string, p: number, s: number, e: number) => {
    out.push(unit);
    piece.push(p);
    start.push(s);
    end.push(e);
  };
  pieces.forEach(({ text, breakBefore }, index) => {
    if (breakBefore && out.length > 0) push('\n', -1, 0, 0);
    for (const match of text.matchAll(CLUSTER)) {
      const cluster = match[0];
      const from = match.index;
      const to = from + cluster.length;
      const code = cluster.charCodeAt(0);
      if (cluster.length === 1 && code < 0x80) {
        // Fast path for ASCII, most of most pages.
        push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : cluster, index, from, to);
        continue;
      }
      if (INVISIBLE.test(cluster)) continue;
      const folded = foldText(cluster);
      for (let i = 0; i < folded.length; i++) push(folded.charAt(i), index, from, to);
    }
  });
  return {
    text: out.join(''),
    piece: Int32Array.from(piece),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
  };
}

/** The words of a folded text with their offsets, in order. */
export function foldedWords(folded: FoldedText): FoldedWord[] {
  const words: FoldedWord[] = [];
  for (const match of folded.text.matchAll(WORD)) {
    words.push({
      word: sameSigma(match[0]),
      from: match.index,
      to: match.index + match[0].length,
    });
  }
  return words;
}

/**
 * Greek final sigma: lower-casing a whole word gives "ς" at its end, one letter at a time gives
 * "σ". Words are compared with every sigma as "σ" so both sides agree.
 */
export function sameSigma(word: string): string {
  return word.includes('ς') ? word.replaceAll('ς', 'σ') : word;
}
