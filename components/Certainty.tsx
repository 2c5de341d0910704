import type { PackInput } from '../utils/packs/schema';
import { strings } from '../utils/strings';

export interface CertaintyProps {
  certainty: PackInput['timeline'][number]['certainty'];
}

/** A small label for facts that are reported, estimated or inferred (nothing for confirmed). */
export function Certainty({ certainty }: CertaintyProps) {
  const label = strings.certainty[certainty];
  return label ? <span class={`certainty certainty-${certainty}`}>{label}</span> : null;
}
