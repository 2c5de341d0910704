/**
 * `npm run zip:check` (after `npm run zip`): reads the zips in .output/ and fails, listing every
 * problem, unless they are ready for the Chrome Web Store and addons.mozilla.org. Prints sizes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { packageProblems, type ZipContents } from './lib/package-check';

const ROOT = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const zipPath = (kind: string) => join(ROOT, '.output', `backstory-${version}-${kind}.zip`);

async function read(kind: string): Promise<ZipContents | null> {
  const path = zipPath(kind);
  if (!existsSync(path)) return null;
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name);
  const manifestFile = kind === 'sources' ? null : zip.file('manifest.json');
  let manifest: unknown;
  try {
    manifest = manifestFile ? JSON.parse(await manifestFile.async('string')) : undefined;
  } catch {
    manifest = undefined;
  }
  console.log(
    `${relative(ROOT, path)}: ${(statSync(path).size / 1024).toFixed(1)} KB, ${files.length} files`,
  );
  return { files, manifest };
}

const problems = packageProblems({
  chrome: await read('chrome'),
  firefox: await read('firefox'),
  sources: await read('sources'),
});
for (const problem of problems) console.error(`FAIL ${problem}`);
if (problems.length > 0) {
  console.error(
    'Packages not ready: run "npm run zip" and see README.md, "Packages and store submission".',
  );
  process.exit(1);
}
console.log(
  'Packages ready: Chrome and Firefox zips with their manifests, sources zip for review.',
);
