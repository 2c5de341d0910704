/** Shared helpers for unit tests: the real pack, compiled the way the build compiles it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackFolder } from '../../scripts/lib/packs';
import { libraryOf, recognizeDocument } from '../../scripts/lib/whole-path';
import { buildIndex, compilePack } from '../../utils/recognition/compile';
import type { CompiledIndex } from '../../utils/recognition/compiled';
import type { PageGate } from '../../utils/recognition/gate';
import type { LibrarySource } from '../../utils/recognition/library';
import type { Pack } from '../../utils/packs/types';
import type { PackInput } from '../../utils/packs/schema';
import type { Verdict } from '../../utils/recognition/verdict';

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

/** The real pack's page gate and library. */
export function realLibrary(): { gate: PageGate; source: LibrarySource; pack: Pack } {
  const { pack, index } = realPack();
  return { ...libraryOf(index.packs), pack };
}

export { libraryOf, recognizeDocument };

/** A verdict of `kind` for `packId`, made by the page's address (the simplest evidence). */
export function addressVerdict<K extends Verdict['kind']>(kind: K, packId: string) {
  return { kind, packId, evidence: { kind: 'address', via: 'address' } } as const;
}

/** The raw pack JSON, for tests that break copies of it. */
export function rawPack(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(PACK_DIR, 'pack.json'), 'utf8')) as Record<string, unknown>;
}

export { FIXTURES, fixturePage } from '../fixtures';
