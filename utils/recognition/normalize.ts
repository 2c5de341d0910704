/**
 * Text normalisation shared by the pack build and the page side, so that a copy of the article
 * matches however it was re-typeset: case, curly or straight quotes, soft hyphens, no-break and
 * zero-width spaces, ligatures and full-width forms all reduce to the same words.
 */

/**
 * Soft hyphen, zero-width space and joiners, word joiner, byte-order mark, as a RegExp class's
 * body: invisible, and they split words. RegExps of them are built from this string at first use:
 * the script on every page carries this module, and the browser checks a RegExp literal as it
 * reads a script, on every page (docs/performance.md).
 */
export const INVISIBLE_CHARS = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
let invisible: RegExp | undefined;
// A word: a run of letters and digits in any script. Apostrophes split words ("putin's" is
// "putin" + "s"), the same on both sides, so possessives still match a name.
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cases and folds the text into the form every comparison uses. */
export function foldText(text: string): string {
  return plainText(text).toLowerCase();
}

/** The text as {@link foldText} reads it, before lower-casing: no invisible characters, NFKC. */
export function plainText(text: string): string {
  return text
    .replace((invisible ??= new RegExp(`[${INVISIBLE_CHARS}]`, 'g')), '')
    .normalize('NFKC');
}

/** The words of a text, folded: `tokenize("Putin’s DRAFT!")` is `["putin", "s", "draft"]`. */
export function tokenize(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/**
 * The words of a text joined by single spaces with a space at each end, so a phrase can be found
 * with `includes(" " + phrase + " ")` without matching inside a word.
 */
export function wordString(words: readonly string[]): string {
  return ` ${words.join(' ')} `;
}

/** A phrase in the same form as {@link wordString}'s contents (no outer spaces). */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).join(' ');
}

/** Letters a stem needs before its `*`, so that a stem cannot match half the language. */
export const MIN_STEM = 4;
// A word of a term, optionally marked as a stem with a trailing "*".
const TERM_WORD = /[\p{L}\p{N}]+\*?/gu;

/**
 * A pack term in the form the engine compares: like {@link phraseKey}, but a word ending in `*`
 * is a stem that matches any ending, for languages that inflect names and nouns
 * ("Казахстан*" matches Казахстана, Казахстане, Казахстаном; "мобилизаци*" matches мобилизация,
 * мобилизации, мобилизацию).
 */
export function termKey(term: string): string {
  return (foldText(term).match(TERM_WORD) ?? []).join(' ');
}

/** Whether a term's stems are long enough: every `*` ends a word of at least {@link MIN_STEM} letters. */
export function isValidTerm(term: string): boolean {
  if (/(?<![\p{L}\p{N}])\*|\*(?=[\p{L}\p{N}])/u.test(term)) return false;
  return termKey(term)
    .split(' ')
    .every((word) => !word.endsWith('*') || word.length - 1 >= MIN_STEM);
}
