/**
 * The built extension, read as text: no code from strings, no network API, no remote script, no
 * HTML from strings, and a manifest that lets no page in (rules in scripts/lib/static-audit.ts);
 * and what it ships inside SPEC §5's size budgets. Runs with the browser tests because it needs
 * the build; it starts no browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import ts from 'typescript';
import { auditBuild, shippedCode } from '../../scripts/lib/static-audit';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = ['chrome-mv3', 'firefox-mv2'];

for (const build of BUILDS) {
  test(`the ${build} build holds no eval, network API, remote script or HTML from strings`, () => {
    const dir = join(ROOT, '.output', build);
    // `npm test` builds both (its zip step), so this skips only a lone `npx playwright test` run
    // before `npm run build:firefox`; the Chrome build is required.
    test.skip(
      build !== 'chrome-mv3' && !existsSync(dir),
      `no ${build} build (npm run build:firefox)`,
    );
    expect(shippedCode(dir).length).toBeGreaterThanOrEqual(3);
    expect(auditBuild(dir)).toEqual([]);
  });
}

test('no component or script of Backstory passes HTML as a string to Preact', () => {
  const offenders: string[] = [];
  for (const folder of ['components', 'entrypoints', 'utils']) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(?:ts|tsx)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      if (readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML')) offenders.push(path);
    }
  }
  expect(offenders).toEqual([]);
});

test('the script on every page holds no RegExp literal', () => {
  // V8 checks a RegExp literal's syntax as it reads a script, on every page, even in code that
  // never runs; one with a Unicode property class cost a page about 0.3 ms (docs/performance.md).
  // RegExps the script needs are built from strings where they are used.
  const source = readFileSync(join(ROOT, '.output', 'chrome-mv3', 'recognizer.js'), 'utf8');
  const file = ts.createSourceFile('recognizer.js', source, ts.ScriptTarget.Latest, true);
  const literals: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) literals.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  expect(literals).toEqual([]);
});

test('what every page gets, and what the panel brings, stay inside SPEC §5’s size budgets', () => {
  const dir = join(ROOT, '.output', 'chrome-mv3');
  const gzipped = (text: string | Buffer) => gzipSync(text).length / 1024;
  // The script injected into every page: at most 20 KB gzip.
  expect(gzipped(readFileSync(join(dir, 'recognizer.js')))).toBeLessThanOrEqual(20);
  // The panel's code and its map data (sent with the pack) together: at most 80 KB gzip, for each
  // of the two places the panel's code runs. The panel itself is the extension's page (its
  // scripts, read from the package, and the map); the page with a verdict gets the script that
  // places the panel's frame and keeps the quotes and the marks. Both are counted.
  const packs = JSON.parse(readFileSync(join(ROOT, 'data/generated/packs.json'), 'utf8')) as {
    map?: unknown;
  }[];
  const maps = packs.map((pack) => gzipped(JSON.stringify(pack.map ?? null)));
  const html = readFileSync(join(dir, 'sidepanel.html'), 'utf8');
  const pageScripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
  expect(pageScripts.length).toBeGreaterThanOrEqual(1);
  const panelPage = pageScripts.reduce(
    (sum, file) => sum + gzipped(readFileSync(join(dir, file))),
    0,
  );
  expect(panelPage + Math.max(...maps)).toBeLessThanOrEqual(80);
  const onThePage = gzipped(readFileSync(join(dir, 'content-scripts/panel.js')));
  expect(onThePage).toBeLessThanOrEqual(80);
  console.log(
    `panel's page ${panelPage.toFixed(1)} KB + map ${Math.max(...maps).toFixed(1)} KB; on the page ${onThePage.toFixed(1)} KB (gzip)`,
  );
});
