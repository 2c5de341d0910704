import { describe, expect, test } from 'vitest';
import { packageProblems, type Packages } from '../../scripts/lib/package-check';

const built = [
  'manifest.json',
  'background.js',
  'recognizer.js',
  'content-scripts/story.js',
  'content-scripts/panel.js',
  'recognition/meta.json',
  'recognition/postings-0.json',
  'recognition/packs-0.json',
  'icon/128.png',
];

function ready(): Packages {
  return {
    chrome: { files: [...built], manifest: { manifest_version: 3, name: 'Backstory' } },
    firefox: {
      files: [...built],
      manifest: {
        manifest_version: 2,
        name: 'Backstory',
        browser_specific_settings: { gecko: { id: 'backstory@backstory.invalid' } },
      },
    },
    sources: {
      files: [
        'package.json',
        'package-lock.json',
        'wxt.config.ts',
        'tsconfig.json',
        'scripts/build-packs.ts',
        'entrypoints/background.ts',
        'data/packs/nbc-russians-kazakhstan-2022/pack.json',
      ],
    },
  };
}

describe('store packages', () => {
  test('packages as npm run zip writes them are ready', () => {
    expect(packageProblems(ready())).toEqual([]);
  });

  test('missing zips are named', () => {
    expect(packageProblems({ chrome: null, firefox: null, sources: null })).toEqual([
      'chrome zip: missing',
      'firefox zip: missing',
      'sources zip: missing',
    ]);
  });

  test('an extension zip without its manifest, or with the other browser’s, fails', () => {
    const packages = ready();
    packages.chrome = { files: built.filter((file) => file !== 'manifest.json') };
    packages.firefox!.manifest = { manifest_version: 3, name: 'Backstory' };
    expect(packageProblems(packages)).toEqual([
      'chrome zip: no manifest.json',
      'chrome zip: manifest.json unreadable',
      'firefox zip: manifest_version 3, expected 2',
      'firefox zip: manifest has no browser_specific_settings.gecko.id',
    ]);
  });

  test('a name from the locales needs the English messages and the default locale', () => {
    const packages = ready();
    const localized = { manifest_version: 3, name: '__MSG_extName__', default_locale: 'en' };
    packages.chrome = { files: [...built, '_locales/en/messages.json'], manifest: localized };
    expect(packageProblems(packages)).toEqual([]);
    packages.chrome = { files: [...built], manifest: localized };
    expect(packageProblems(packages)).toEqual(['chrome zip: manifest name __MSG_extName__']);
  });

  test('source maps in an extension zip fail', () => {
    const packages = ready();
    packages.chrome!.files.push('content-scripts/panel.js.map');
    expect(packageProblems(packages)).toEqual([
      'chrome zip: source map content-scripts/panel.js.map',
    ]);
  });

  test('a sources zip without the lock file, or with installed or generated files, fails', () => {
    const packages = ready();
    packages.sources!.files = packages
      .sources!.files.filter((file) => file !== 'package-lock.json')
      .concat([
        'node_modules/preact/package.json',
        'data/generated/packs.json',
        '.output/chrome-mv3/manifest.json',
      ]);
    expect(packageProblems(packages)).toEqual([
      'sources zip: no package-lock.json',
      'sources zip: holds node_modules/ (1 files)',
      'sources zip: holds .output/ (1 files)',
      'sources zip: holds data/generated/ (1 files)',
    ]);
  });

  test('a sources zip without any pack cannot rebuild the extension', () => {
    const packages = ready();
    packages.sources!.files = packages.sources!.files.filter((file) => !file.startsWith('data/'));
    expect(packageProblems(packages)).toEqual(['sources zip: no data/packs/*/pack.json']);
  });
});
