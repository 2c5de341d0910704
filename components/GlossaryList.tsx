import type { GlossaryTerm } from '../utils/packs/types';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';

export interface GlossaryListProps {
  terms: readonly GlossaryTerm[];
}

/** Terms the article assumes the reader knows, as a definition list. */
export function GlossaryList({ terms }: GlossaryListProps) {
  return (
    <dl class="glossary">
      {terms.map((term) => (
        <div class="card" key={term.id} id={`term-${term.id}`}>
          <dt>{term.term}</dt>
          <dd>
            <p>{term.definition}</p>
            <SourceLinks sources={term.sources} />
            <EvidenceList evidence={term.evidence} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
