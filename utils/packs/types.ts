/**
 * The app's internal pack types: the authored pack with every source reference resolved to the
 * source itself, so components render links without looking anything up.
 */
import type { PackMap } from '../map/types';
import type * as Input from './schema';

/** A claim's evidence with its source resolved: the source's words and where they are from. */
export interface Evidence {
  source: Input.Source;
  excerpt: string;
}

type WithSources<T extends { sources: string[] }> = Omit<T, 'sources' | 'evidence'> & {
  sources: Input.Source[];
  /** The source's own words for the claim (empty for items that state no claim of their own). */
  evidence: Evidence[];
};

export type Source = Input.Source;
export type KeyFigure = WithSources<Input.KeyFigure>;
export type Update = WithSources<Input.Update>;
export type FigureClaim = WithSources<Input.FigureClaim>;
export type Place = Omit<WithSources<Input.Place>, 'keyFigure' | 'updates'> & {
  keyFigure?: KeyFigure | undefined;
  updates: Update[];
};
/** A quote of the article: its English words, and their translation in a translated pack. */
export type Quote = Input.Person['quotes'][number] & { translation?: string };
export type Person = Omit<WithSources<Input.Person>, 'updates' | 'quotes'> & {
  updates: Update[];
  quotes: Quote[];
};
export type TimelineEvent = WithSources<Input.TimelineEvent>;
export type TimePhrase = Input.TimePhrase;
export type GlossaryTerm = WithSources<Input.GlossaryTerm>;
export type Figure = Omit<WithSources<Input.Figure>, 'claims'> & { claims: FigureClaim[] };
export type Note = WithSources<Input.Note>;
export type Route = WithSources<Input.Route>;

/** A loaded, checked pack as the panel uses it. */
export interface Pack {
  id: string;
  /** When the background was last checked against its sources. */
  reviewed: string;
  article: Input.PackInput['article'];
  places: Place[];
  people: Person[];
  timeline: TimelineEvent[];
  timePhrases: TimePhrase[];
  glossary: GlossaryTerm[];
  figures: Figure[];
  notes: Note[];
  routes: Route[];
  /** The Places map, projected at build time (`scripts/build-packs.ts`); absent without one. */
  map?: PackMap | undefined;
}
