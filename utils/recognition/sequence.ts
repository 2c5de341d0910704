/**
 * Evidence that survives translation: the article's numbers and the names of its people and
 * places, in the order it gives them. A translation (by hand or by machine) keeps that order
 * almost exactly; a report on the same events names the same people and places in its own order.
 * So the article's sequence is set against the page's, and a long run of it found in order, with
 * few gaps, makes the page a version.
 */
import type { CompiledPack } from './compiled';

/** How a run of the article's sequence is found on a page (see {@link alignSequence}). */
export const SEQUENCE = {
  /** Anchors a run may skip between two it keeps, on either side (a dropped or added clause). */
  reach: 4,
  /** Anchors in order that make a version. */
  matched: 12,
  /** Share of the article's anchors within the run's stretch that the page keeps. */
  density: 0.6,
} as const;

/**
 * The anchors of a text's words (folded, see `tokenize`): each number ("1,400", "1 400" and
 * "1.400" alike) as `#1400`, each name of a person or place as `@` and its index in `names`,
 * in order; a name repeated at once counts once.
 */
export function anchorsOf(words: readonly string[], names: CompiledPack['names']): string[] {
  const forms = nameForms(names);
  const anchors: string[] = [];
  const push = (anchor: string) => {
    if (anchors[anchors.length - 1] !== anchor) anchors.push(anchor);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (isDigits(word)) {
      // Thousands written with a separator are one number: "100,000" is "100" then "000".
      let number = word;
      while (isDigits(words[i + 1] ?? '') && words[i + 1]?.length === 3 && word.length <= 3) {
        number += words[i + 1];
        i += 1;
      }
      push(`#${Number(number)}`);
      continue;
    }
    const match = forms.match(words, i);
    if (match) {
      push(`@${match.entity}`);
      i += match.length - 1;
    }
  }
  return anchors;
}

/** The longest run of `article`'s anchors found on the page in order (see {@link SEQUENCE}). */
export function alignSequence(
  article: readonly string[],
  page: readonly string[],
): { matched: number; span: number } {
  // For each anchor of the article, where the page has it.
  const where = new Map<string, number[]>();
  page.forEach((anchor, i) => {
    const list = where.get(anchor);
    if (list) list.push(i);
    else where.set(anchor, [i]);
  });
  // runs[j]: for each page position matched to article anchor j, the best run ending there.
  const runs: Map<number, { length: number; start: number }>[] = [];
  let best = { matched: 0, span: 0 };
  article.forEach((anchor, j) => {
    const ends = new Map<number, { length: number; start: number }>();
    for (const i of where.get(anchor) ?? []) {
      let run = { length: 1, start: j };
      for (let back = 1; back <= SEQUENCE.reach + 1 && back <= j; back++) {
        for (const [before, previous] of runs[j - back] ?? []) {
          if (before < i && i - before <= SEQUENCE.reach + 1 && previous.length + 1 > run.length) {
            run = { length: previous.length + 1, start: previous.start };
          }
        }
      }
      ends.set(i, run);
      if (run.length > best.matched) best = { matched: run.length, span: j - run.start + 1 };
    }
    runs.push(ends);
  });
  return best;
}

/** Whether a run makes the page a version (see {@link SEQUENCE}). */
export function isTranslation({ matched, span }: { matched: number; span: number }): boolean {
  return matched >= SEQUENCE.matched && matched / span >= SEQUENCE.density;
}

function isDigits(word: string): boolean {
  return word.length > 0 && /^\d+$/.test(word);
}

const formsOf = new WeakMap<CompiledPack['names'], NameForms>();

/** The names' forms, ready to be matched at a word of a text (made once per pack). */
function nameForms(names: CompiledPack['names']): NameForms {
  let forms = formsOf.get(names);
  if (!forms) formsOf.set(names, (forms = makeNameForms(names)));
  return forms;
}

interface NameForms {
  match(words: readonly string[], at: number): { entity: number; length: number } | null;
}

function makeNameForms(names: CompiledPack['names']): NameForms {
  const single = new Map<string, number>();
  const stems: { stem: string; entity: number }[] = [];
  const phrases: { words: string[]; entity: number }[] = [];
  names.forEach((forms, entity) => {
    for (const form of forms) {
      const words = form.split(' ');
      if (words.length > 1) phrases.push({ words, entity });
      else if (form.endsWith('*')) stems.push({ stem: form.slice(0, -1), entity });
      else if (!single.has(form)) single.set(form, entity);
    }
  });
  // Longest phrases first: "vladimir putin" before "putin".
  phrases.sort((a, b) => b.words.length - a.words.length);
  const fits = (pattern: string, word: string | undefined) =>
    word !== undefined &&
    (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);
  return {
    match(words: readonly string[], at: number): { entity: number; length: number } | null {
      for (const { words: parts, entity } of phrases) {
        if (parts.every((part, k) => fits(part, words[at + k]))) {
          return { entity, length: parts.length };
        }
      }
      const word = words[at] ?? '';
      const entity = single.get(word);
      if (entity !== undefined) return { entity, length: 1 };
      const stem = stems.find(({ stem: start }) => word.startsWith(start));
      return stem ? { entity: stem.entity, length: 1 } : null;
    },
  };
}
