/**
 * What the store packages must hold, checked on their file lists: the Chrome and Firefox zips
 * carry a manifest for their browser and the built scripts; the sources zip for Firefox review
 * carries what a reviewer needs to rebuild and nothing installed, built or generated.
 */

/** A zip as read from disk: its file names and, for extension zips, the parsed manifest. */
export interface ZipContents {
  files: string[];
  manifest?: unknown;
}

/** The three zips `npm run zip` writes (`null` where a file is missing). */
export interface Packages {
  chrome: ZipContents | null;
  firefox: ZipContents | null;
  sources: ZipContents | null;
}

/** Files the built extension cannot work without. */
const BUILT_FILES = [
  'manifest.json',
  'recognizer.js',
  'content-scripts/story.js',
  'content-scripts/panel.js',
  'recognition/meta.json',
  'recognition/postings-0.json',
  'recognition/packs-0.json',
  'icon/128.png',
];

/** Files a reviewer needs for `npm ci && npm run build:firefox`. */
const SOURCE_FILES = [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'tsconfig.json',
  'scripts/build-packs.ts',
  'entrypoints/background.ts',
];

/** Folders that must not be in the sources zip: installed, built or generated. */
const NOT_SOURCES = [
  'node_modules',
  '.output',
  '.wxt',
  'data/generated',
  'public/recognition',
  'public/packs',
  'test-results',
  'demo-output',
];

/** Every problem with the packages, as sentences; empty when they are ready to upload. */
export function packageProblems(packages: Packages): string[] {
  return [
    ...extensionProblems('chrome', packages.chrome, 3),
    ...extensionProblems('firefox', packages.firefox, 2),
    ...sourcesProblems(packages.sources),
  ];
}

function extensionProblems(
  browser: 'chrome' | 'firefox',
  zip: ZipContents | null,
  manifestVersion: number,
): string[] {
  if (!zip) return [`${browser} zip: missing`];
  const problems = BUILT_FILES.filter((file) => !zip.files.includes(file)).map(
    (file) => `${browser} zip: no ${file}`,
  );
  problems.push(
    ...zip.files
      .filter((file) => file.endsWith('.map'))
      .map((file) => `${browser} zip: source map ${file}`),
  );
  const manifest = zip.manifest as
    | {
        manifest_version?: unknown;
        name?: unknown;
        default_locale?: unknown;
        browser_specific_settings?: { gecko?: { id?: unknown } };
      }
    | undefined;
  if (!manifest) return [...problems, `${browser} zip: manifest.json unreadable`];
  if (manifest.manifest_version !== manifestVersion) {
    problems.push(
      `${browser} zip: manifest_version ${String(manifest.manifest_version)}, expected ${manifestVersion}`,
    );
  }
  // The name is the English message's, in the browser's language (`_locales/`).
  const localized =
    manifest.name === '__MSG_extName__' &&
    manifest.default_locale === 'en' &&
    zip.files.includes('_locales/en/messages.json');
  if (manifest.name !== 'Backstory' && !localized)
    problems.push(`${browser} zip: manifest name ${String(manifest.name)}`);
  if (browser === 'firefox' && typeof manifest.browser_specific_settings?.gecko?.id !== 'string') {
    problems.push('firefox zip: manifest has no browser_specific_settings.gecko.id');
  }
  return problems;
}

function sourcesProblems(zip: ZipContents | null): string[] {
  if (!zip) return ['sources zip: missing'];
  const problems = SOURCE_FILES.filter((file) => !zip.files.includes(file)).map(
    (file) => `sources zip: no ${file}`,
  );
  if (!zip.files.some((file) => /^data\/packs\/[^/]+\/pack\.json$/.test(file))) {
    problems.push('sources zip: no data/packs/*/pack.json');
  }
  for (const folder of NOT_SOURCES) {
    const inside = zip.files.filter((file) => `/${file}`.includes(`/${folder}/`));
    if (inside.length > 0) problems.push(`sources zip: holds ${folder}/ (${inside.length} files)`);
  }
  return problems;
}
