/** Shared helpers for unit tests: the real pack, compiled the way the build compiles it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackFolder } from '../../scripts/lib/packs';
import { screenDocument } from '../../utils/page/screen-page';
import { readPage } from '../../utils/page/read-page';
import { buildIndex, compilePack } from '../../utils/recognition/compile';
import { compileGate } from '../../utils/recognition/compile-gate';
import type { CompiledIndex, CompiledPack } from '../../utils/recognition/compiled';
import { isSuspect, type PageGate, type Suspect } from '../../utils/recognition/gate';
import {
  candidatesFor,
  memorySource,
  splitLibrary,
  type LibrarySource,
} from '../../utils/recognition/library';
import { recognize, THRESHOLDS } from '../../utils/recognition/recognize';
import type { Pack } from '../../utils/packs/types';
import type { Verdict } from '../../utils/recognition/verdict';
import type { PackInput } from '../../utils/packs/schema';

export const ROOT = join(import.meta.dirname, '../..');
export const PACK_DIR = join(ROOT, 'data/packs/nbc-russians-kazakhstan-2022');
export const ARTICLE_TEXT = readFileSync(join(PACK_DIR, 'article.txt'), 'utf8');
export const ARTICLE_URL =
  'https://www.nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856';

/** The real pack, read and checked; throws with its problems if it is invalid. */
export function realPack(): { input: PackInput; pack: Pack; index: CompiledIndex } {
  const folder = readPackFolder(PACK_DIR);
  if (!folder.ok) throw new Error(folder.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return {
    input: folder.input,
    pack: folder.pack,
    index: buildIndex([compilePack(folder.input, folder.articleText)]),
  };
}

/** The page gate and the library of `packs`, as the build compiles them. */
export function libraryOf(packs: readonly CompiledPack[]): {
  gate: PageGate;
  source: LibrarySource;
} {
  const { gate, postings } = compileGate(packs);
  return { gate, source: memorySource(splitLibrary(packs, postings)) };
}

/** The real pack's page gate and library. */
export function realLibrary(): { gate: PageGate; source: LibrarySource; pack: Pack } {
  const { pack, index } = realPack();
  return { ...libraryOf(index.packs), pack };
}

/**
 * A document's verdict as the extension reaches it across its scripts: the page gate on every
 * page, the library's exact check in the background, the engine in the story script.
 */
export async function recognizeDocument(
  doc: Document,
  { gate, source }: { gate: PageGate; source: LibrarySource },
): Promise<{ suspect: Suspect | null; verdict: Verdict | null }> {
  const { found } = screenDocument(doc, gate);
  const suspect = isSuspect(found) ? found : null;
  if (!suspect) return { suspect, verdict: null };
  const packs = await candidatesFor(suspect, source, THRESHOLDS.relatedNames);
  const verdict = packs.length > 0 ? recognize(readPage(doc), buildIndex(packs)) : null;
  return { suspect, verdict };
}

/** A verdict of `kind` for `packId`, made by the page's address (the simplest evidence). */
export function addressVerdict<K extends Verdict['kind']>(kind: K, packId: string) {
  return { kind, packId, evidence: { kind: 'address', via: 'address' } } as const;
}

/** The raw pack JSON, for tests that break copies of it. */
export function rawPack(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(PACK_DIR, 'pack.json'), 'utf8')) as Record<string, unknown>;
}

export { FIXTURES, fixturePage } from '../fixtures';
