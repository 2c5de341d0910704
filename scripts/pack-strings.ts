/**
 * `npm run packs:strings -- <pack-id> [lang]`: the texts of a pack to translate, by key, as JSON
 * (see `utils/packs/translation.ts`). With a language, only the keys its translation lacks or gets
 * wrong, with their English, so a translator sees what is left to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  translatableStrings,
  translationProblems,
  type PackTranslation,
} from '../utils/packs/translation';
import type { PackInput } from '../utils/packs/schema';
import { PACKS_DIR } from './lib/packs';

const [id, lang] = process.argv.slice(2);
if (!id) {
  console.error('usage: npm run packs:strings -- <pack-id> [lang]');
  process.exit(1);
}
const pack = JSON.parse(readFileSync(join(PACKS_DIR, id, 'pack.json'), 'utf8')) as PackInput;
const english = translatableStrings(pack);
if (!lang) {
  console.log(JSON.stringify(Object.fromEntries(english), null, 2));
} else {
  const file = join(PACKS_DIR, id, 'translations', `${lang}.json`);
  const translation: PackTranslation = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as PackTranslation)
    : { lang: lang as PackTranslation['lang'], strings: {} };
  const problems = translationProblems(pack, translation);
  const todo = Object.fromEntries(
    [...english].filter(([key]) => problems.some((line) => line.startsWith(`${lang}: ${key}: `))),
  );
  for (const line of problems) console.error(line);
  console.log(JSON.stringify(todo, null, 2));
}
