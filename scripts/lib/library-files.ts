/**
 * Writes the files the extension packages for recognition (see `utils/recognition/library.ts`):
 * the library's meta, postings and pack shards, and each pack as the panel shows it; and returns
 * the page gate, which the build compiles into the script on every page. Used by the pack build (into `public/`, which WXT copies into the extension) and by the
 * benchmark (into copies of the built extension, with thousands of synthetic packs).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { storyEntry } from '../../utils/packs/catalogue';
import type { PackTranslationFile } from '../../utils/packs/translation';
import type { Pack } from '../../utils/packs/types';
import { compileGate } from '../../utils/recognition/compile-gate';
import type { CompiledPack } from '../../utils/recognition/compiled';
import type { PageGate } from '../../utils/recognition/gate';
import { LIBRARY_FILES, splitLibrary, type LibraryMeta } from '../../utils/recognition/library';

/** What was written, for the build's and the benchmark's reports. */
export interface WrittenLibrary {
  gate: PageGate;
  meta: LibraryMeta;
  /** Bytes of the gate (JSON), and of all the library's files. */
  gateBytes: number;
  libraryBytes: number;
}

/**
 * Writes the recognition files of `compiled` (and the panel's `packs`, with their texts in other
 * languages, `translations` by pack id and language) under `root`.
 */
export function writeLibrary(
  root: string,
  compiled: readonly CompiledPack[],
  packs: readonly Pack[],
  translations: Readonly<Record<string, Readonly<Record<string, PackTranslationFile>>>> = {},
): WrittenLibrary {
  rmSync(join(root, 'recognition'), { recursive: true, force: true });
  rmSync(join(root, 'packs'), { recursive: true, force: true });
  let libraryBytes = 0;
  const write = (path: string, value: unknown) => {
    const text = JSON.stringify(value);
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    libraryBytes += Buffer.byteLength(text);
    return Buffer.byteLength(text);
  };
  const { gate, postings } = compileGate(compiled);
  const library = splitLibrary(compiled, postings);
  // The gate is compiled into the script on every page, not packaged as a file.
  const gateBytes = Buffer.byteLength(JSON.stringify(gate));
  write(LIBRARY_FILES.meta, library.meta);
  library.postings.forEach((shard, i) => write(LIBRARY_FILES.postings(i), shard));
  library.packs.forEach((shard, i) => write(LIBRARY_FILES.packs(i), shard));
  for (const pack of packs) write(LIBRARY_FILES.pack(pack.id), pack);
  for (const [id, byLanguage] of Object.entries(translations))
    for (const [lang, strings] of Object.entries(byLanguage))
      write(LIBRARY_FILES.translation(id, lang), strings);
  write(LIBRARY_FILES.catalogue, packs.map(storyEntry));
  return { gate, meta: library.meta, gateBytes, libraryBytes };
}
