/**
 * The panel's sections, registered in one list with the same small contract: adding a section is
 * a component plus a line here (and `tests/unit/panel.test.tsx` checks the list).
 */
import type { ComponentChildren } from 'preact';
import type { Pack } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { EVENTS_PER_PIECE, itemsIn, piecesFor } from '../utils/ui/draw-plan';
import { CardBoundary } from './CardBoundary';
import { FigureCard } from './FigureCard';
import { GlossaryList } from './GlossaryList';
import { NoteCard } from './NoteCard';
import { PersonCard, type QuoteActions } from './PersonCard';
import { PlacesSection } from './PlacesSection';
import { Timeline } from './Timeline';

/** What sections can do on the page being read (absent where there is no page, as in tests). */
export interface PanelActions {
  quotes?: QuoteActions | undefined;
}

/** A panel section: an id (for its anchor and settings), a heading and what it shows for a pack. */
export interface SectionDefinition {
  id: 'places' | 'people' | 'timeline' | 'figures' | 'glossary' | 'notes';
  heading: string;
  /** How many items the pack has for this section (0 shows the empty state). */
  count: (pack: Pack) => number;
  /**
   * How many pieces the section is drawn in, one per frame while the panel opens (see
   * `utils/ui/draw-plan.ts`); one when left out.
   */
  pieces?: (pack: Pack) => number;
  /** The section's content, its first `pieces` pieces (all when left out). */
  render: (pack: Pack, actions: PanelActions, pieces?: number) => ComponentChildren;
}

type SectionId = SectionDefinition['id'];

/** A section that shows one card per item, each behind its own error boundary. */
function cardSection<T extends { id: string }>(
  id: SectionId,
  /** What one item is, for the console message when its card fails ("place kazakhstan"). */
  itemName: string,
  items: (pack: Pack) => readonly T[],
  card: (item: T, actions: PanelActions) => ComponentChildren,
): SectionDefinition {
  return {
    id,
    get heading() {
      return strings.sections[id];
    },
    count: (pack) => items(pack).length,
    pieces: (pack) => piecesFor(items(pack).length),
    render: (pack, actions, pieces = Infinity) =>
      items(pack)
        .slice(0, itemsIn(pieces))
        .map((item) => (
          <CardBoundary key={item.id} label={`${itemName} ${item.id}`} deps={[item, actions]}>
            {card(item, actions)}
          </CardBoundary>
        )),
  };
}

/** A section that shows one block for the whole list, behind one error boundary. */
function blockSection(
  id: SectionId,
  count: (pack: Pack) => number,
  block: (pack: Pack, pieces: number) => ComponentChildren,
  pieces?: (pack: Pack) => number,
): SectionDefinition {
  return {
    id,
    // Read when drawn, so it is in the panel's language of the moment.
    get heading() {
      return strings.sections[id];
    },
    count,
    ...(pieces && { pieces }),
    render: (pack, _actions, pieces = Infinity) => (
      <CardBoundary label={id}>{block(pack, pieces)}</CardBoundary>
    ),
  };
}

export const SECTIONS: readonly SectionDefinition[] = [
  {
    id: 'places',
    get heading() {
      return strings.sections.places;
    },
    count: (pack) => pack.places.length,
    // The map first, a panel at a time (the main map, then the detail), then the cards a few
    // at a time.
    pieces: (pack) => mapPanels(pack) + piecesFor(pack.places.length),
    // The map and the cards share a selection, so the section is one component; each card
    // still has its own error boundary inside it.
    render: (pack, _actions, pieces = Infinity) => (
      <PlacesSection
        pack={pack}
        // Capped, so the map is not drawn again for each piece of cards after it.
        mapPanels={Math.min(pieces, mapPanels(pack))}
        cards={itemsIn(pieces - mapPanels(pack))}
      />
    ),
  },
  cardSection(
    'people',
    'person',
    (pack) => pack.people,
    (person, actions) => <PersonCard person={person} quotes={actions.quotes} />,
  ),
  blockSection(
    'timeline',
    (pack) => pack.timeline.length,
    (pack, pieces) => <Timeline pack={pack} events={itemsIn(pieces - 1, EVENTS_PER_PIECE)} />,
    // The time phrases and the filter first, then the events a few at a time.
    (pack) => 1 + piecesFor(pack.timeline.length, EVENTS_PER_PIECE),
  ),
  cardSection(
    'figures',
    'figure',
    (pack) => pack.figures,
    (figure) => <FigureCard figure={figure} />,
  ),
  blockSection(
    'glossary',
    (pack) => pack.glossary.length,
    (pack) => <GlossaryList terms={pack.glossary} />,
  ),
  cardSection(
    'notes',
    'note',
    (pack) => pack.notes,
    (note) => <NoteCard note={note} />,
  ),
];

/** How many panels the pack's map has (none without a map). */
function mapPanels(pack: Pack): number {
  return pack.map?.panels.length ?? 0;
}
