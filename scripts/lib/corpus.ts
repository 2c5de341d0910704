/**
 * The negative corpus of real news pages (`../shared/corpus/readability/`, or `$CORPUS_DIR`). It is
 * not part of the repository: the sweep and the benchmark use it when it is there and say so when
 * it is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ServedPage } from './fixture-server';

/** Where the corpus is looked for. */
export const CORPUS_DIR = resolve(
  process.env.CORPUS_DIR ?? join(import.meta.dirname, '../../../shared/corpus/readability'),
);

/** Every corpus page, served at `http://corpus.test/<file>`; null when the corpus is absent. */
export function corpusPages(): ServedPage[] | null {
  if (!existsSync(CORPUS_DIR)) return null;
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({
      url: `http://corpus.test/${file}`,
      html: readFileSync(join(CORPUS_DIR, file), 'utf8'),
    }));
}

/** Host resolver rules that send the served hosts to the server and fail every other host at once. */
export function offlineRules(serverRules: string): string {
  return `${serverRules}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`;
}
