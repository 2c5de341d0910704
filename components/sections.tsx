/**
 * The panel's sections, registered in one list with the same small contract: adding a section is
 * a component plus a line here (and `tests/unit/sections.test.ts` checks the list).
 */
import type { ComponentChildren } from 'preact';
import type { Pack } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { CardBoundary } from './CardBoundary';
import { FigureCard } from './FigureCard';
import { GlossaryList } from './GlossaryList';
import { NoteCard } from './NoteCard';
import { PersonCard } from './PersonCard';
import { PlaceCard } from './PlaceCard';
import { Timeline } from './Timeline';

/** A panel section: an id (for its anchor and settings), a heading and what it shows for a pack. */
export interface SectionDefinition {
  id: 'places' | 'people' | 'timeline' | 'figures' | 'glossary' | 'notes';
  heading: string;
  /** How many items the pack has for this section (0 shows the empty state). */
  count: (pack: Pack) => number;
  render: (pack: Pack) => ComponentChildren;
}

export const SECTIONS: readonly SectionDefinition[] = [
  {
    id: 'places',
    heading: strings.sections.places,
    count: (pack) => pack.places.length,
    render: (pack) =>
      pack.places.map((place) => (
        <CardBoundary key={place.id} label={`place ${place.id}`}>
          <PlaceCard place={place} />
        </CardBoundary>
      )),
  },
  {
    id: 'people',
    heading: strings.sections.people,
    count: (pack) => pack.people.length,
    render: (pack) =>
      pack.people.map((person) => (
        <CardBoundary key={person.id} label={`person ${person.id}`}>
          <PersonCard person={person} />
        </CardBoundary>
      )),
  },
  {
    id: 'timeline',
    heading: strings.sections.timeline,
    count: (pack) => pack.timeline.length,
    render: (pack) => (
      <CardBoundary label="timeline">
        <Timeline pack={pack} />
      </CardBoundary>
    ),
  },
  {
    id: 'figures',
    heading: strings.sections.figures,
    count: (pack) => pack.figures.length,
    render: (pack) =>
      pack.figures.map((figure) => (
        <CardBoundary key={figure.id} label={`figure ${figure.id}`}>
          <FigureCard figure={figure} />
        </CardBoundary>
      )),
  },
  {
    id: 'glossary',
    heading: strings.sections.glossary,
    count: (pack) => pack.glossary.length,
    render: (pack) => (
      <CardBoundary label="glossary">
        <GlossaryList terms={pack.glossary} />
      </CardBoundary>
    ),
  },
  {
    id: 'notes',
    heading: strings.sections.notes,
    count: (pack) => pack.notes.length,
    render: (pack) =>
      pack.notes.map((note) => (
        <CardBoundary key={note.id} label={`note ${note.id}`}>
          <NoteCard note={note} />
        </CardBoundary>
      )),
  },
];
