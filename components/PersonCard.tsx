import type { Person } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { SourceLinks } from './SourceLinks';

export interface PersonCardProps {
  person: Person;
}

/** A person or organization: who they are, their part in these events, what they say here. */
export function PersonCard({ person }: PersonCardProps) {
  return (
    <article class="card" id={`person-${person.id}`} aria-labelledby={`person-${person.id}-name`}>
      <h3 id={`person-${person.id}-name`}>{person.name}</h3>
      <p class="role">{person.role}</p>
      <p>{person.part}</p>
      {person.quotes.length > 0 && (
        <div class="quotes">
          <span class="figure-label">{strings.inThisArticle}</span>
          {person.quotes.map((quote) => (
            <blockquote key={quote.text}>“{quote.text}”</blockquote>
          ))}
        </div>
      )}
      {person.unknown && (
        <p class="unknown">
          <strong>{strings.notKnown}:</strong> {person.unknown}
        </p>
      )}
      <SourceLinks sources={person.sources} />
    </article>
  );
}
