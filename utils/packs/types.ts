/**
 * The app's internal pack types: the authored pack with every source reference resolved to the
 * source itself, so components render links without looking anything up.
 */
import type { PackMap } from '../map/types';
import type * as Input from './schema';

type WithSources<T extends { sources: string[] }> = Omit<T, 'sources'> & {
  sources: Input.Source[];
};

export type Source = Input.Source;
export type KeyFigure = WithSources<Input.KeyFigure>;
export type Place = Omit<WithSources<Input.Place>, 'keyFigure'> & {
  keyFigure?: KeyFigure | undefined;
};
export type Person = WithSources<Input.Person>;
export type TimelineEvent = WithSources<Input.TimelineEvent>;
export type TimePhrase = Input.TimePhrase;
export type GlossaryTerm = WithSources<Input.GlossaryTerm>;
export type Figure = WithSources<Input.Figure>;
export type Note = WithSources<Input.Note>;
export type Route = WithSources<Input.Route>;

/** A loaded, checked pack as the panel uses it. */
export interface Pack {
  id: string;
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
