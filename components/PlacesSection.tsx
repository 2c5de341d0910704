import { useEffect, useRef, useState } from 'preact/hooks';
import type { Pack, Source } from '../utils/packs/types';
import { CardBoundary } from './CardBoundary';
import { MapView } from './MapView';
import { PlaceCard } from './PlaceCard';
import { SourceLinks } from './SourceLinks';

export interface PlacesSectionProps {
  pack: Pack;
  /**
   * How many of the map's panels, then how many place cards, to draw (all when left out): the
   * panel draws a map panel, or a few cards, per frame.
   */
  mapPanels?: number;
  cards?: number;
}

/** Where a selection came from, which decides what is brought into view. */
type Selection = { place: string; from: 'map' | 'card' } | null;

/**
 * The Places section: the map (when the pack has one) above the place cards, sharing one
 * selection. Choosing a pin marks its card and scrolls the card into view; a card's "Show on map"
 * marks its pin and moves focus to it. Scrolling is instant, so it suits reduced motion too.
 */
export function PlacesSection({
  pack,
  mapPanels = Infinity,
  cards = Infinity,
}: PlacesSectionProps) {
  const [selection, setSelection] = useState<Selection>(null);
  const root = useRef<HTMLDivElement>(null);
  const selected = selection?.place ?? null;

  useEffect(() => {
    if (!selection || !root.current) return;
    if (selection.from === 'map') {
      root.current
        .querySelector(`#place-${selection.place}`)
        ?.scrollIntoView({ behavior: 'auto', block: 'nearest' });
    } else {
      const pin = root.current.querySelector<HTMLElement>(`.pin[data-place="${selection.place}"]`);
      pin?.closest('.map-panel')?.scrollIntoView({ behavior: 'auto', block: 'nearest' });
      pin?.focus({ preventScroll: true });
    }
  }, [selection]);

  const map = pack.map;
  const onMap = new Set(map?.panels.flatMap((panel) => panel.pins.map((pin) => pin.place)));
  return (
    <div ref={root}>
      {map && (
        <CardBoundary label="map" deps={[pack, selected, mapPanels]}>
          <MapView
            map={map}
            selected={selected}
            onSelect={(place) => setSelection({ place, from: 'map' })}
            panels={mapPanels}
          />
          {mapPanels >= map.panels.length && <SourceLinks sources={routeSources(pack)} />}
        </CardBoundary>
      )}
      {pack.places.slice(0, Math.max(0, cards)).map((place) => (
        <CardBoundary
          key={place.id}
          label={`place ${place.id}`}
          deps={[place, place.id === selected, onMap.has(place.id)]}
        >
          <PlaceCard
            place={place}
            selected={place.id === selected}
            onShowOnMap={
              onMap.has(place.id)
                ? () => setSelection({ place: place.id, from: 'card' })
                : undefined
            }
          />
        </CardBoundary>
      ))}
    </div>
  );
}

/** The routes' sources, each once. */
function routeSources(pack: Pack): Source[] {
  const seen = new Map<string, Source>();
  for (const route of pack.routes) for (const source of route.sources) seen.set(source.id, source);
  return [...seen.values()];
}
