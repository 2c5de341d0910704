import { formatDate } from '../utils/dates';
import type { Figure } from '../utils/packs/types';
import { Certainty } from './Certainty';
import { SourceLinks } from './SourceLinks';

export interface FigureCardProps {
  figure: Figure;
}

/** A number in the story, with what exactly it counts, its date and how certain it is. */
export function FigureCard({ figure }: FigureCardProps) {
  return (
    <article class="card" id={`figure-${figure.id}`} aria-labelledby={`figure-${figure.id}-label`}>
      <h3 id={`figure-${figure.id}-label`}>{figure.label}</h3>
      <p class="figure-value">
        {figure.value}
        {figure.date && <span class="figure-date"> ({formatDate(figure.date)})</span>}{' '}
        <Certainty certainty={figure.certainty} />
      </p>
      <p>{figure.measures}</p>
      <SourceLinks sources={figure.sources} />
    </article>
  );
}
