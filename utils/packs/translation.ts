/**
 * A pack in the reader's language: which of its texts are translated, keyed by where they are
 * ("places.almaty.summary", "timeline.mobilization-decree.title", "people.rakhimov.quotes.0.text"),
 * and the checks a translation must pass. A translation gives every key its English text has, and
 * no other; it keeps the English text's numbers (every run of digits, whatever the separators).
 * What is not text stays the pack's own: ids, dates, sources, evidence (in its source's language),
 * links between cards and events. The article's quotes stay verbatim in English; their
 * translation is shown beside them, marked as one.
 */
import type { PackMap } from '../map/types';
import type { PackInput } from './schema';
import type { Pack } from './types';

/** Languages the pack's content is translated into (besides English, the pack's own). */
export const CONTENT_LANGUAGES = ['ru', 'uk'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * A translation as the extension packages it (`packs/<id>.<lang>.json`): the texts, and the map
 * projected again for them, its labels placed for the translated words.
 */
export interface PackTranslationFile {
  strings: Record<string, string>;
  map?: PackMap | undefined;
}

/** A translation as stored in `data/packs/<id>/translations/<lang>.json`. */
export interface PackTranslation {
  lang: ContentLanguage;
  strings: Record<string, string>;
}

type Texts = Map<string, string>;

/** A text of a pack: its key, its value, and how to replace it in a copy of the pack. */
type Visit = (key: string, value: string | undefined, set: (text: string) => void) => void;

/** The parts of a pack (as written, or as loaded) that hold texts a reader reads. */
interface WithTexts {
  article: { title: string };
  places: {
    id: string;
    name: string;
    summary: string;
    relevance: string;
    altNames: string[];
    keyFigure?: { text: string } | undefined;
    updates?: { text: string }[] | undefined;
  }[];
  people: {
    id: string;
    name: string;
    role: string;
    part: string;
    unknown?: string | undefined;
    quotes: { text: string; translation?: string }[];
    updates?: { text: string }[] | undefined;
  }[];
  timeline: { id: string; title: string; detail: string }[];
  timePhrases: { meaning: string }[];
  glossary: { id: string; term: string; definition: string }[];
  figures: {
    id: string;
    label: string;
    value: string;
    measures: string;
    claims?: { who: string; value: string }[] | undefined;
  }[];
  notes: { id: string; title: string; text: string }[];
  routes: { id: string; crossing?: string | undefined }[];
}

/** The map as a pack writes it (the projected map is translated by `translateMap`). */
interface MapTexts {
  origin?: string | undefined;
  labels?: Record<string, string> | undefined;
  detail?: { title: string } | undefined;
  claimed?: { label: string } | undefined;
}

/**
 * Calls `visit` for every text of `pack` a reader reads in the panel, by key. A quote's `set`
 * gives it its translation (shown beside the English words); every other `set` replaces the text.
 */
function eachText(pack: WithTexts, visit: Visit): void {
  const field = <T extends object, K extends keyof T & string>(key: string, item: T, name: K) =>
    visit(key, item[name] as string | undefined, (text) => {
      (item as Record<string, unknown>)[name] = text;
    });
  field('article.title', pack.article, 'title');
  for (const place of pack.places) {
    const at = `places.${place.id}`;
    field(`${at}.name`, place, 'name');
    field(`${at}.summary`, place, 'summary');
    field(`${at}.relevance`, place, 'relevance');
    place.altNames.forEach((name, i) =>
      visit(`${at}.altNames.${i}`, name, (text) => (place.altNames[i] = text)),
    );
    if (place.keyFigure) field(`${at}.keyFigure.text`, place.keyFigure, 'text');
    place.updates?.forEach((update, i) => field(`${at}.updates.${i}.text`, update, 'text'));
  }
  for (const person of pack.people) {
    const at = `people.${person.id}`;
    field(`${at}.name`, person, 'name');
    field(`${at}.role`, person, 'role');
    field(`${at}.part`, person, 'part');
    field(`${at}.unknown`, person, 'unknown');
    person.quotes.forEach((quote, i) =>
      visit(`${at}.quotes.${i}.text`, quote.text, (text) => (quote.translation = text)),
    );
    person.updates?.forEach((update, i) => field(`${at}.updates.${i}.text`, update, 'text'));
  }
  for (const event of pack.timeline) {
    field(`timeline.${event.id}.title`, event, 'title');
    field(`timeline.${event.id}.detail`, event, 'detail');
  }
  pack.timePhrases.forEach((phrase, i) => field(`timePhrases.${i}.meaning`, phrase, 'meaning'));
  for (const term of pack.glossary) {
    field(`glossary.${term.id}.term`, term, 'term');
    field(`glossary.${term.id}.definition`, term, 'definition');
  }
  for (const figure of pack.figures) {
    const at = `figures.${figure.id}`;
    field(`${at}.label`, figure, 'label');
    field(`${at}.value`, figure, 'value');
    field(`${at}.measures`, figure, 'measures');
    figure.claims?.forEach((claim, i) => {
      field(`${at}.claims.${i}.who`, claim, 'who');
      field(`${at}.claims.${i}.value`, claim, 'value');
    });
  }
  for (const note of pack.notes) {
    field(`notes.${note.id}.title`, note, 'title');
    field(`notes.${note.id}.text`, note, 'text');
  }
  for (const route of pack.routes) field(`routes.${route.id}.crossing`, route, 'crossing');
}

/** The map's texts as a pack writes them. */
function eachMapText(map: MapTexts, visit: Visit): void {
  visit('map.origin', map.origin, () => {});
  for (const [id, label] of Object.entries(map.labels ?? {}))
    visit(`map.labels.${id}`, label, () => {});
  visit('map.detail.title', map.detail?.title, () => {});
  visit('map.claimed.label', map.claimed?.label, () => {});
}

/** Every text of `pack` a reader reads in the panel, by key, in English. */
export function translatableStrings(pack: PackInput): Texts {
  const texts: Texts = new Map();
  const collect: Visit = (key, value) => {
    if (typeof value === 'string' && value.trim() !== '') texts.set(key, value);
  };
  eachText(pack as WithTexts, collect);
  if (pack.map) eachMapText(pack.map as MapTexts, collect);
  return texts;
}

/**
 * `pack` in a translation: a copy with each translated text in place of the English, and each
 * quote's translation beside its English words. Keys the translation lacks keep the English.
 */
export function applyTranslation(pack: Pack, { strings, map }: PackTranslationFile): Pack {
  const copy = structuredClone(pack);
  eachText(copy as WithTexts, (key, value, set) => {
    const translated = strings[key];
    if (typeof value === 'string' && typeof translated === 'string') set(translated);
  });
  if (map) copy.map = map;
  else if (copy.map) copy.map = translateMap(copy.map, pack, strings);
  return copy;
}

/** What a pin says in a translation: its translated map label, else the place's name. */
export function translatedLabel(
  strings: Record<string, string>,
): (place: { id: string; name: string }) => string {
  return (place) =>
    strings[`map.labels.${place.id}`] ?? strings[`places.${place.id}.name`] ?? place.name;
}

/**
 * The projected map in a translation: pins, routes' legend, the detail map's title and the
 * legend's words. Labels stay where the build placed them for the English words.
 */
export function translateMap(
  map: PackMap,
  english: Pack,
  strings: Record<string, string>,
): PackMap {
  // Routes name their stops by the places' English names.
  const names = new Map<string, string>();
  for (const place of english.places) {
    const name = strings[`places.${place.id}.name`];
    if (name) names.set(place.name, name);
  }
  const crossings = new Map<string, string>();
  for (const route of english.routes) {
    const crossing = strings[`routes.${route.id}.crossing`];
    if (route.crossing && crossing) crossings.set(route.crossing, crossing);
  }
  const renamed = (text: string) => names.get(text) ?? crossings.get(text) ?? text;
  return {
    ...map,
    origin: strings['map.origin'] ?? map.origin,
    claimedLabel: strings['map.claimed.label'] ?? map.claimedLabel,
    panels: map.panels.map((panel) => ({
      ...panel,
      ...(panel.title !== undefined && { title: strings['map.detail.title'] ?? panel.title }),
      pins: panel.pins.map((pin) => {
        const name = strings[`places.${pin.place}.name`] ?? pin.name;
        const label =
          strings[`map.labels.${pin.place}`] ?? (pin.label === pin.name ? name : pin.label);
        return { ...pin, name, label };
      }),
      routes: panel.routes.map((route) => ({
        ...route,
        to: renamed(route.to),
        ...(route.via !== undefined && { via: renamed(route.via) }),
      })),
    })),
  };
}

/** The numbers of a text: each run of digits, separators inside it dropped ("1,400" → "1400"). */
export function numbersOf(text: string): string[] {
  return (text.match(/\d(?:[\d.,\u00a0\u202f ]*\d)?/g) ?? [])
    .map((run) => run.replace(/\D/g, ''))
    .sort();
}

/** What is wrong with `translation` of `pack`, each with its key ("ru: places.almaty.name: …"). */
export function translationProblems(pack: PackInput, translation: PackTranslation): string[] {
  const english = translatableStrings(pack);
  const problems: string[] = [];
  const at = (key: string, what: string) => problems.push(`${translation.lang}: ${key}: ${what}`);
  for (const [key, text] of english) {
    const translated = translation.strings[key];
    if (typeof translated !== 'string' || translated.trim() === '') {
      at(key, 'no translation');
      continue;
    }
    const want = numbersOf(text);
    const got = numbersOf(translated);
    if (want.join(' ') !== got.join(' '))
      at(
        key,
        `numbers differ from the English (${want.join(', ') || 'none'} → ${got.join(', ') || 'none'})`,
      );
  }
  for (const key of Object.keys(translation.strings))
    if (!english.has(key)) at(key, 'not a text of the pack (left over, or mistyped)');
  return problems;
}
