/**
 * A page's words, prepared once for judging candidate packs: a set for whole words, the words
 * grouped by their first letters for stems, and (built only when a phrase needs it) the text as
 * one string. Judging a pack then costs a look-up per term instead of a scan of the page.
 */
import { STEM_KEY } from './compiled';
import { wordString } from './normalize';

/** The page's words, ready for term look-ups. */
export class PageWords {
  private readonly set: Set<string>;
  private byPrefix: Map<string, string[]> | null = null;
  private joined: string | null = null;
  private readonly patterns = new Map<string, RegExp>();

  constructor(readonly words: readonly string[]) {
    this.set = new Set(words);
  }

  /** Whether the page uses a term key (see `termKey`): a word, a stem (`word*`) or a phrase. */
  has(key: string): boolean {
    if (!key.includes(' ')) return this.hasWord(key);
    const parts = key.split(' ');
    // Every word must be on the page before the phrase is worth looking for in order.
    if (!parts.every((part) => this.hasWord(part))) return false;
    return this.pattern(key).test(this.text());
  }

  private hasWord(word: string): boolean {
    if (!word.endsWith('*')) return this.set.has(word);
    const stem = word.slice(0, -1);
    const candidates = this.prefixes().get(stem.slice(0, STEM_KEY)) ?? [];
    return candidates.some((candidate) => candidate.startsWith(stem));
  }

  private prefixes(): Map<string, string[]> {
    if (this.byPrefix) return this.byPrefix;
    this.byPrefix = new Map();
    for (const word of this.set) {
      if (word.length < STEM_KEY) continue;
      const prefix = word.slice(0, STEM_KEY);
      const list = this.byPrefix.get(prefix);
      if (list) list.push(word);
      else this.byPrefix.set(prefix, [word]);
    }
    return this.byPrefix;
  }

  private text(): string {
    return (this.joined ??= wordString(this.words));
  }

  private pattern(key: string): RegExp {
    let pattern = this.patterns.get(key);
    if (!pattern) {
      const words = key
        .split(' ')
        .map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}[^ ]*` : escape(word)));
      pattern = new RegExp(` ${words.join(' ')} `, 'u');
      this.patterns.set(key, pattern);
    }
    return pattern;
  }
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
