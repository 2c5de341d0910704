/**
 * Compiles every pack under `data/packs/` into the files the extension packages (`public/`, which
 * WXT copies into the build): the page gate, the library's shards and the packs the panel shows
 * (see `scripts/lib/library-files.ts`); and into `data/generated/` the same for the tests and
 * tools (`packs.json`, `compiled.json`). Fails (exit 1) on an invalid pack, printing each problem
 * with its path in the pack; skips packs of an unknown schema version.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePack } from '../utils/recognition/compile';
import { writeLibrary } from './lib/library-files';
import { describeProblems, readPacks } from './lib/packs';

const outDir = join(import.meta.dirname, '../data/generated');
const publicDir = join(import.meta.dirname, '../public');
const folders = readPacks();
let failed = false;
for (const folder of folders) {
  if (folder.ok) continue;
  if (folder.skipped) {
    console.warn(`warning: skipping pack: ${describeProblems(folder).join('; ')}`);
    continue;
  }
  failed = true;
  for (const line of describeProblems(folder)) console.error(line);
}
if (failed) {
  console.error('packs:build: invalid pack(s); nothing written.');
  process.exit(1);
}
const good = folders.flatMap((folder) => (folder.ok ? [folder] : []));
const compiled = good.map((folder) => compilePack(folder.input, folder.articleText));
const packs = good.map((folder) => folder.pack);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'compiled.json'), JSON.stringify(compiled));
writeFileSync(join(outDir, 'packs.json'), JSON.stringify(packs));
const translations = Object.fromEntries(
  good.map((folder) => [folder.pack.id, folder.translations]),
);
const written = writeLibrary(publicDir, compiled, packs, translations);
writeFileSync(join(outDir, 'gate.json'), JSON.stringify(written.gate));
console.log(
  `packs:build: ${good.length} pack(s) compiled into public/recognition, public/packs and ` +
    `data/generated/ (page gate ${written.gateBytes} bytes)`,
);
