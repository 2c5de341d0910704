import { formatDate } from '../utils/dates';
import type { Figure } from '../utils/packs/types';
import { Certainty } from './Certainty';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';
import { strings } from '../utils/strings';

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
      {figure.claims.length > 0 && (
        <div class="claims">
          <span class="figure-label">{strings.whoSaysWhat}</span>
          <ul>
            {figure.claims.map((claim) => (
              <li key={claim.who}>
                <p>
                  <strong>{claim.who}</strong>: {claim.value}
                  {claim.date && <span class="figure-date"> ({formatDate(claim.date)})</span>}
                </p>
                <SourceLinks sources={claim.sources} />
                <EvidenceList evidence={claim.evidence} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <SourceLinks sources={figure.sources} />
      <EvidenceList evidence={figure.evidence} />
    </article>
  );
}
