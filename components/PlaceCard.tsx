import { formatDate } from '../utils/dates';
import type { Place } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { Certainty } from './Certainty';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';
import { UpdateList } from './UpdateList';

export interface PlaceCardProps {
  place: Place;
  /** Marks the card as the current place (its pin is selected on the map). */
  selected?: boolean;
  /** Shows a "Show on map" button that calls this; omitted when the place has no pin. */
  onShowOnMap?: (() => void) | undefined;
}

/** A place: its names, what and where it is, why it matters here, a key figure and sources. */
export function PlaceCard({ place, selected = false, onShowOnMap }: PlaceCardProps) {
  const { keyFigure } = place;
  return (
    <article
      class={`card place${selected ? ' is-selected' : ''}`}
      id={`place-${place.id}`}
      aria-labelledby={`place-${place.id}-name`}
      aria-current={selected ? 'true' : undefined}
    >
      <div class="card-head">
        <h3 id={`place-${place.id}-name`} tabIndex={-1}>
          {place.name}
        </h3>
        {onShowOnMap && (
          <button
            type="button"
            class="show-on-map"
            aria-label={strings.map.showOnMapLabel(place.name)}
            onClick={onShowOnMap}
          >
            {strings.map.showOnMap}
          </button>
        )}
      </div>
      {place.altNames.length > 0 && (
        <p class="aka">
          {strings.alsoKnownAs}: {place.altNames.join(' · ')}
        </p>
      )}
      <p>{place.summary}</p>
      <p>
        <strong>{strings.whyItMatters}:</strong> {place.relevance}
      </p>
      {keyFigure && (
        <div class="figure">
          <span class="figure-label">{strings.keyFigure}</span>
          <p>
            {keyFigure.text}
            {keyFigure.date && (
              <span class="figure-date"> ({formatDate(keyFigure.date)})</span>
            )}{' '}
            <Certainty certainty={keyFigure.certainty} />
          </p>
          <SourceLinks sources={keyFigure.sources} />
          <EvidenceList evidence={keyFigure.evidence} />
        </div>
      )}
      <UpdateList updates={place.updates} />
      <SourceLinks sources={place.sources} />
      <EvidenceList evidence={place.evidence} />
    </article>
  );
}
