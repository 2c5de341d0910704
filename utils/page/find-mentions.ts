/**
 * Finding the pack's people and places where the page names them, by the `mentions` forms the
 * pack lists. A form's word ending in `*` is a stem that matches any ending ("Казахстан*" matches
 * Казахстана, Казахстане), as in recognition (`termKey`). DOM-free apart from the words it is given.
 */
import type { Pack } from '../packs/types';
import { MIN_STEM, termKey } from '../recognition/normalize';
import { sameSigma, type FoldedWord } from './folded-text';

/** A person or place that can be marked on the page. */
export interface MentionEntity {
  kind: 'place' | 'person';
  id: string;
  name: string;
  /** Its one line: a place's summary, a person's role. */
  summary: string;
  /** The forms the page may use (pack `mentions`). */
  forms: readonly string[];
}

/** One mention on the page: which entity, and the folded offsets `[from, to)` of its words. */
export interface MentionMatch {
  entity: MentionEntity;
  from: number;
  to: number;
}

/** The pack's places and people, in the pack's order. */
export function mentionEntities(pack: Pack): MentionEntity[] {
  return [
    ...pack.places.map((place) => ({
      kind: 'place' as const,
      id: place.id,
      name: place.name,
      summary: place.summary,
      forms: place.mentions,
    })),
    ...pack.people.map((person) => ({
      kind: 'person' as const,
      id: person.id,
      name: person.name,
      summary: person.role,
      forms: person.mentions,
    })),
  ];
}

interface Form {
  entity: MentionEntity;
  /** Folded words; a word ending in "*" is a stem. */
  words: string[];
}

/** Forms grouped by their first word (whole words) and by a stem's first letters. */
interface FormIndex {
  exact: Map<string, Form[]>;
  stems: Map<string, Form[]>;
}

function buildIndex(entities: readonly MentionEntity[]): FormIndex {
  const index: FormIndex = { exact: new Map(), stems: new Map() };
  for (const entity of entities) {
    for (const mention of entity.forms) {
      const words = termKey(mention).split(' ').filter(Boolean).map(sameSigma);
      const first = words[0];
      if (!first) continue;
      const [map, key] = first.endsWith('*')
        ? [index.stems, first.slice(0, MIN_STEM)]
        : [index.exact, first];
      const list = map.get(key) ?? [];
      list.push({ entity, words });
      map.set(key, list);
    }
  }
  // Longest forms first, so "Donetsk Oblast" wins over "Donetsk" where both fit.
  for (const list of [...index.exact.values(), ...index.stems.values()]) {
    list.sort((a, b) => b.words.length - a.words.length);
  }
  return index;
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** The length in words of the form matching at `at`, or 0. */
function matchAt(form: Form, words: readonly FoldedWord[], at: number): number {
  const fits = form.words.every((pattern, j) => {
    const word = words[at + j];
    return word !== undefined && wordMatches(pattern, word.word);
  });
  return fits ? form.words.length : 0;
}

/**
 * Every mention of the entities in the words, in order, never overlapping: where two forms start
 * at the same word, the longer one is taken.
 */
export function findMentions(
  words: readonly FoldedWord[],
  entities: readonly MentionEntity[],
): MentionMatch[] {
  const index = buildIndex(entities);
  const matches: MentionMatch[] = [];
  // Words before `next` belong to a mention already taken.
  let next = 0;
  words.forEach(({ word, from }, i) => {
    if (i < next) return;
    const candidates = [
      ...(index.exact.get(word) ?? []),
      ...(word.length >= MIN_STEM ? (index.stems.get(word.slice(0, MIN_STEM)) ?? []) : []),
    ].sort((a, b) => b.words.length - a.words.length);
    for (const form of candidates) {
      const taken = matchAt(form, words, i);
      const last = words[i + taken - 1];
      if (taken > 0 && last) {
        matches.push({ entity: form.entity, from, to: last.to });
        next = i + taken;
        break;
      }
    }
  });
  return matches;
}
