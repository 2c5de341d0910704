/**
 * Compiles every pack under `data/packs/` into `data/generated/`: the recognition index that the
 * page-side script reads and the resolved packs that the panel shows. Fails (exit 1) on an invalid
 * pack, printing each problem with its path in the pack; skips packs of an unknown schema version.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, compilePack } from '../utils/recognition/compile';
import { describeProblems, readPacks } from './lib/packs';

const outDir = join(import.meta.dirname, '../data/generated');
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
const index = buildIndex(good.map((folder) => compilePack(folder.input, folder.articleText)));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'recognition.json'), JSON.stringify(index));
writeFileSync(join(outDir, 'packs.json'), JSON.stringify(good.map((folder) => folder.pack)));
console.log(`packs:build: ${good.length} pack(s) compiled into data/generated/`);
