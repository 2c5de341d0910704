/**
 * `npm run packs:check`: validates every pack under `data/packs/` (or the folder given as the first
 * argument) and prints each problem with its path in the pack. Exit 1 when any pack is invalid.
 */
import { resolve } from 'node:path';
import { describeProblems, PACKS_DIR, readPacks } from './lib/packs';

const dir = process.argv[2] ? resolve(process.argv[2]) : PACKS_DIR;
const folders = readPacks(dir);
let failed = false;
for (const folder of folders) {
  if (folder.ok) {
    const { places, people, timeline, glossary, figures, notes } = folder.pack;
    console.log(
      `ok  ${folder.pack.id}: ${places.length} places, ${people.length} people, ${timeline.length} events, ` +
        `${glossary.length} terms, ${figures.length} figures, ${notes.length} notes; ` +
        `translated into ${Object.keys(folder.translations).join(', ')}`,
    );
  } else if (folder.skipped) {
    console.warn(`skipped  ${describeProblems(folder).join('; ')}`);
  } else {
    failed = true;
    for (const line of describeProblems(folder)) console.error(line);
  }
}
if (folders.length === 0) console.warn(`no packs found in ${dir}`);
process.exit(failed ? 1 : 0);
