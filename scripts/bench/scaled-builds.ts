/**
 * The built extension with thousands of stories: a copy of `.output/chrome-mv3` whose packaged
 * library (page gate, postings, packs) holds the real pack and `stories − 1` synthetic ones
 * (`synthetic-packs.ts`). The code is the same build's, so the copies differ from it only in
 * their data, which is what the benchmark compares.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pack } from '../../utils/packs/types';
import type { CompiledPack } from '../../utils/recognition/compiled';
import { EXTENSION_DIR } from '../lib/chromium';
import { writeLibrary, type WrittenLibrary } from '../lib/library-files';
import { syntheticPacks, vocabularyOf } from './synthetic-packs';

const ROOT = resolve(import.meta.dirname, '../..');

/** A built copy of the extension with `stories` stories, and what its library holds. */
export interface ScaledBuild {
  stories: number;
  dir: string;
  library: WrittenLibrary;
}

/** Writes `bench-output/extension-<stories>/` (replacing an older one). */
export function scaledBuild(stories: number): ScaledBuild {
  const compiled = JSON.parse(
    readFileSync(join(ROOT, 'data/generated/compiled.json'), 'utf8'),
  ) as CompiledPack[];
  const packs = JSON.parse(readFileSync(join(ROOT, 'data/generated/packs.json'), 'utf8')) as Pack[];
  const article = readFileSync(
    join(ROOT, 'data/packs/nbc-russians-kazakhstan-2022/article.txt'),
    'utf8',
  );
  const dir = join(ROOT, `bench-output/extension-${stories}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const all = [...compiled, ...syntheticPacks(stories - compiled.length, vocabularyOf(article))];
  return { stories, dir, library: writeLibrary(dir, all, packs) };
}
