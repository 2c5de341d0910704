/**
 * The extension with thousands of stories: the same code built again with a page gate over the
 * real pack and `stories − 1` synthetic ones (`synthetic-packs.ts`), into
 * `bench-output/extension-<stories>/`, with the packaged library (postings, packs) to match. The
 * copies differ from the real build only in their data, which is what the benchmark compares.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pack } from '../../utils/packs/types';
import type { CompiledPack } from '../../utils/recognition/compiled';
import { writeLibrary, type WrittenLibrary } from '../lib/library-files';
import { syntheticPacks, vocabularyOf } from './synthetic-packs';

const ROOT = resolve(import.meta.dirname, '../..');

/** A build with `stories` stories, and what its library holds. */
export interface ScaledBuild {
  stories: number;
  dir: string;
  library: WrittenLibrary;
}

/** Builds `bench-output/extension-<stories>/` (replacing an older one). Needs `packs:build`. */
export function scaledBuild(stories: number): ScaledBuild {
  const read = <T>(path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
  const compiled = read<CompiledPack[]>('data/generated/compiled.json');
  const packs = read<Pack[]>('data/generated/packs.json');
  const article = readFileSync(
    join(ROOT, 'data/packs/nbc-russians-kazakhstan-2022/article.txt'),
    'utf8',
  );
  const all = [...compiled, ...syntheticPacks(stories - compiled.length, vocabularyOf(article))];
  const work = join(ROOT, `bench-output/library-${stories}`);
  mkdirSync(work, { recursive: true });
  const library = writeLibrary(work, all, packs);
  const gateFile = join(work, 'gate.json');
  writeFileSync(gateFile, JSON.stringify(library.gate));
  const outDir = join(ROOT, `bench-output/build-${stories}`);
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, BACKSTORY_PAGE_GATE: gateFile, BACKSTORY_OUT_DIR: outDir },
  });
  const dir = join(outDir, 'chrome-mv3');
  // The build copied the real library from public/: the synthetic one replaces it.
  for (const folder of ['recognition', 'packs']) {
    rmSync(join(dir, folder), { recursive: true, force: true });
    cpSync(join(work, folder), join(dir, folder), { recursive: true });
  }
  return { stories, dir, library };
}
