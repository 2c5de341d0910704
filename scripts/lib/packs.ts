/**
 * Reading packs from `data/packs/` (Node side), shared by the pack build and the pack checker so
 * both report the same problems in the same words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPackMap, type MapSources } from '../../utils/map/project';
import { integrityProblems } from '../../utils/packs/integrity';
import { formatProblem, loadPack, type PackProblem } from '../../utils/packs/load';
import type { PackInput } from '../../utils/packs/schema';
import {
  CONTENT_LANGUAGES,
  translatedLabel,
  translateMap,
  translationProblems,
  type ContentLanguage,
  type PackTranslation,
  type PackTranslationFile,
} from '../../utils/packs/translation';
import type { Pack } from '../../utils/packs/types';
import { readMapSources } from './map-sources';

/** Where packs live. */
export const PACKS_DIR = join(import.meta.dirname, '../../data/packs');

/** One pack folder, read and checked. */
export type PackFolder =
  | {
      dir: string;
      ok: true;
      input: PackInput;
      pack: Pack;
      articleText: string;
      /** The pack in each content language (`translations/<lang>.json`), its map placed anew. */
      translations: Record<ContentLanguage, PackTranslationFile>;
    }
  | { dir: string; ok: false; problems: PackProblem[]; skipped: boolean };

/** Reads and checks every pack folder under `packsDir`. */
export function readPacks(packsDir = PACKS_DIR): PackFolder[] {
  return readdirSync(packsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readPackFolder(join(packsDir, entry.name)))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Reads and checks one pack folder. */
export function readPackFolder(dir: string): PackFolder {
  const file = join(dir, 'pack.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return {
      dir,
      ok: false,
      skipped: false,
      problems: [{ path: '', message: `cannot read pack.json: ${String(error)}` }],
    };
  }
  const loaded = loadPack(raw);
  if (!loaded.ok)
    return { dir, ok: false, skipped: loaded.skipped !== undefined, problems: loaded.error };
  const { input } = loaded;
  const textPath = join(dir, loaded.value.article.textFile);
  if (!existsSync(textPath)) {
    return {
      dir,
      ok: false,
      skipped: false,
      problems: [{ path: 'article.textFile', message: `file not found: ${textPath}` }],
    };
  }
  const articleText = readFileSync(textPath, 'utf8');
  const problems = integrityProblems(input, articleText);
  if (problems.length > 0) return { dir, ok: false, skipped: false, problems };
  if (input.id !== dir.split(/[\\/]/).pop())
    return {
      dir,
      ok: false,
      skipped: false,
      problems: [{ path: 'id', message: `"${input.id}" differs from its folder name` }],
    };
  const translated = readTranslations(dir, input);
  if (!translated.ok) return { dir, ok: false, skipped: false, problems: translated.problems };
  const texts = translated.translations;
  const english = loaded.value;
  if (!input.map) {
    const translations = mapValues(texts, (strings) => ({ strings }));
    return { dir, ok: true, input, pack: english, articleText, translations };
  }
  const spec = input.map;
  const map = projectPackMap(english, spec, mapSources());
  if (!map.ok) return { dir, ok: false, skipped: false, problems: map.error };
  const pack = { ...english, map: map.value };
  // Each language's map, its labels placed for their own words (a longer name may need the
  // other side of its pin).
  const translations = mapValues(texts, (strings) => {
    const own = projectPackMap(english, spec, mapSources(), translatedLabel(strings));
    return { strings, map: translateMap(own.ok ? own.value : map.value, pack, strings) };
  });
  return { dir, ok: true, input, pack, articleText, translations };
}

function mapValues<K extends string, A, B>(record: Record<K, A>, f: (value: A) => B): Record<K, B> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, f(value as A)]),
  ) as Record<K, B>;
}

/**
 * The pack's translations (`translations/<lang>.json`, one per content language), each checked
 * against the English: every text translated, nothing else, the same numbers.
 */
function readTranslations(
  dir: string,
  input: PackInput,
):
  | { ok: true; translations: Record<ContentLanguage, Record<string, string>> }
  | { ok: false; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const translations = {} as Record<ContentLanguage, Record<string, string>>;
  for (const lang of CONTENT_LANGUAGES) {
    const path = `translations/${lang}.json`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, path), 'utf8'));
    } catch (error) {
      problems.push({ path, message: `cannot read the ${lang} translation: ${String(error)}` });
      continue;
    }
    if (!isTranslation(raw, lang)) {
      problems.push({ path, message: `not a translation: { "lang": "${lang}", "strings": {…} }` });
      continue;
    }
    for (const line of translationProblems(input, raw)) problems.push({ path, message: line });
    translations[lang] = raw.strings;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, translations };
}

function isTranslation(value: unknown, lang: ContentLanguage): value is PackTranslation {
  if (typeof value !== 'object' || value === null) return false;
  const { lang: given, strings } = value as Record<string, unknown>;
  return (
    given === lang &&
    typeof strings === 'object' &&
    strings !== null &&
    Object.values(strings).every((text) => typeof text === 'string')
  );
}

let sources: MapSources | undefined;
/** The boundary data, read once per process (it is a few megabytes of JSON). */
function mapSources(): MapSources {
  sources ??= readMapSources();
  return sources;
}

/** Lines describing a failed pack folder, one problem per line. */
export function describeProblems(folder: Extract<PackFolder, { ok: false }>): string[] {
  return folder.problems.map((problem) => `${folder.dir}/pack.json: ${formatProblem(problem)}`);
}
