/**
 * The extension's whole recognition path in one process, for the tests and the recall report:
 * the page gate (as on every page), the library's exact check (as in the background) and the
 * engine (as in the story script), with the library held in memory.
 */
import { readPage } from '../../utils/page/read-page';
import { screenDocument } from '../../utils/page/screen-page';
import { buildIndex } from '../../utils/recognition/compile';
import { compileGate } from '../../utils/recognition/compile-gate';
import type { CompiledPack } from '../../utils/recognition/compiled';
import { isSuspect, type PageGate, type Suspect } from '../../utils/recognition/gate';
import {
  candidatesFor,
  memorySource,
  splitLibrary,
  type LibrarySource,
} from '../../utils/recognition/library';
import { recognize, THRESHOLDS } from '../../utils/recognition/recognize';
import type { Verdict } from '../../utils/recognition/verdict';

/** The page gate and the library of `packs`, as the build compiles them. */
export function libraryOf(packs: readonly CompiledPack[]): {
  gate: PageGate;
  source: LibrarySource;
} {
  const { gate, postings } = compileGate(packs);
  return { gate, source: memorySource(splitLibrary(packs, postings)) };
}

/**
 * A document's verdict as the extension reaches it across its scripts: the page gate on every
 * page, the library's exact check in the background, the engine in the story script. `found`
 * is what the gate found, suspect or not.
 */
export async function recognizeDocument(
  doc: Document,
  { gate, source }: { gate: PageGate; source: LibrarySource },
): Promise<{ found: Suspect; suspect: Suspect | null; verdict: Verdict | null }> {
  const { found } = screenDocument(doc, gate);
  const suspect = isSuspect(found) ? found : null;
  if (!suspect) return { found, suspect, verdict: null };
  const packs = await candidatesFor(suspect, source, THRESHOLDS.relatedNames);
  const verdict = packs.length > 0 ? recognize(readPage(doc), buildIndex(packs)) : null;
  return { found, suspect, verdict };
}
