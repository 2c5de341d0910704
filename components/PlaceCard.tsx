import { formatDate } from '../utils/dates';
import type { Place } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { Certainty } from './Certainty';
import { SourceLinks } from './SourceLinks';

export interface PlaceCardProps {
  place: Place;
}

/** A place: its names, what and where it is, why it matters here, a key figure and sources. */
export function PlaceCard({ place }: PlaceCardProps) {
  const { keyFigure } = place;
  return (
    <article class="card" id={`place-${place.id}`} aria-labelledby={`place-${place.id}-name`}>
      <h3 id={`place-${place.id}-name`} tabIndex={-1}>
        {place.name}
      </h3>
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
        </div>
      )}
      <SourceLinks sources={place.sources} />
    </article>
  );
}
