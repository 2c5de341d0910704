/**
 * Folded text with a map back to where each character came from. The page's text is held in many
 * text nodes; this folds them with the engine's rules (`foldText`: invisible characters dropped,
 * NFKC, lower case) into one string of words, and remembers for every folded character which
 * piece and which offsets in it produced it, so a match in the folded text becomes a DOM Range
 * over the original nodes. DOM-free: pieces are plain strings.
 */
import { foldText, INVISIBLE_CHARS } from '../recognition/normalize';
import { runAtOnce, type Steps } from '../slices';

/** About how much text is folded, or split into words, between two chances to stop. */
const CHARS_PER_STEP = 4_000;

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

// As in utils/recognition/normalize.ts: its invisible characters are dropped (they join what they
// split, as `foldText` does), words are runs of letters and digits.
const INVISIBLE = new RegExp(`^[${INVISIBLE_CHARS}]$`);
const WORD = /[\p{L}\p{N}]+/gu;
const MARK = /^\p{M}$/u;

/** Growable columns for the map: one entry per folded UTF-16 unit. */
class MapBuilder {
  readonly parts: string[] = [];
  piece = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  length = 0;

  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.piece.length) return;
    const size = Math.max(needed, this.piece.length * 2);
    for (const column of ['piece', 'start', 'end'] as const) {
      const grown = new Int32Array(size);
      grown.set(this[column]);
      this[column] = grown;
    }
  }

  push(units: string, piece: number, start: number, end: number): void {
    this.reserve(units.length);
    this.parts.push(units);
    for (let i = 0; i < units.length; i++, this.length++) {
      this.piece[this.length] = piece;
      this.start[this.length] = start;
      this.end[this.length] = end;
    }
  }

  /** A run of ASCII text: each character folds to one unit, in place. */
  pushAscii(text: string, piece: number): void {
    this.reserve(text.length);
    this.parts.push(text.toLowerCase());
    for (let i = 0; i < text.length; i++, this.length++) {
      this.piece[this.length] = piece;
      this.start[this.length] = i;
      this.end[this.length] = i + 1;
    }
  }
}

/** Folds one piece that has non-ASCII characters, a character and its combining marks at a time. */
function foldMixed(builder: MapBuilder, text: string, piece: number): void {
  for (let from = 0; from < text.length;) {
    const code = text.charCodeAt(from);
    // A character (a surrogate pair counts as one) and the combining marks after it fold
    // together: NFKC composes "e" + "\u0301" into "é".
    let to = from + (code >= 0xd800 && code <= 0xdbff && from + 1 < text.length ? 2 : 1);
    while (to < text.length && text.charCodeAt(to) >= 0x300 && MARK.test(text.charAt(to))) to++;
    if (code < 0x80 && to === from + 1) {
      builder.push(
        code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(from),
        piece,
        from,
        to,
      );
    } else {
      const cluster = text.slice(from, to);
      if (!INVISIBLE.test(cluster)) builder.push(foldText(cluster), piece, from, to);
    }
    from = to;
  }
}

/** Whether a text is all ASCII (then it folds by lower-casing, one unit for one). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Folds pieces of text into one string, character by character, keeping the map back to the
 * pieces. Per character the result equals `foldText` of the whole (for the scripts the packs
 * use), so words compare equal to `tokenize` of a pack's quote. ASCII pieces, most of most pages,
 * take a fast path.
 */
export function foldPieces(pieces: readonly TextPiece[]): FoldedText {
  return runAtOnce(foldPiecesInSteps(pieces));
}

/** {@link foldPieces} as steps, stopping about every {@link CHARS_PER_STEP} characters. */
export function* foldPiecesInSteps(pieces: readonly TextPiece[]): Steps<FoldedText> {
  const builder = new MapBuilder();
  let sinceStop = 0;
  for (const [index, { text, breakBefore }] of pieces.entries()) {
    if (breakBefore && builder.length > 0) builder.push('\n', -1, 0, 0);
    if (isAscii(text)) builder.pushAscii(text, index);
    else foldMixed(builder, text, index);
    sinceStop += text.length;
    if (sinceStop >= CHARS_PER_STEP) {
      sinceStop = 0;
      yield;
    }
  }
  const { length } = builder;
  return {
    text: builder.parts.join(''),
    piece: builder.piece.slice(0, length),
    start: builder.start.slice(0, length),
    end: builder.end.slice(0, length),
  };
}

/** The words of a folded text with their offsets, in order. */
export function foldedWords(folded: FoldedText): FoldedWord[] {
  return runAtOnce(foldedWordsInSteps(folded));
}

/** {@link foldedWords} as steps, stopping about every {@link CHARS_PER_STEP} characters. */
export function* foldedWordsInSteps(folded: FoldedText): Steps<FoldedWord[]> {
  const words: FoldedWord[] = [];
  let stopAt = CHARS_PER_STEP;
  for (const match of folded.text.matchAll(WORD)) {
    words.push({
      word: sameSigma(match[0]),
      from: match.index,
      to: match.index + match[0].length,
    });
    if (match.index >= stopAt) {
      stopAt = match.index + CHARS_PER_STEP;
      yield;
    }
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
