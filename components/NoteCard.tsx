import type { Note } from '../utils/packs/types';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';

export interface NoteCardProps {
  note: Note;
}

/** Where the article is unclear or wrong, or what it leaves unknown, with sources. */
export function NoteCard({ note }: NoteCardProps) {
  return (
    <article class="card note" id={`note-${note.id}`} aria-labelledby={`note-${note.id}-title`}>
      <h3 id={`note-${note.id}-title`}>{note.title}</h3>
      <p>{note.text}</p>
      <SourceLinks sources={note.sources} />
      <EvidenceList evidence={note.evidence} />
    </article>
  );
}
