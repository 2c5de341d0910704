import { describe, expect, test } from 'vitest';
import {
  EXPLAINED_WARNINGS,
  describeMessage,
  judgeLint,
  type LintMessage,
} from '../../scripts/lib/firefox-lint';

const preactInnerHtml: LintMessage = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'content-scripts/panel.js',
  line: 1,
  column: 18792,
};

describe('judging web-ext lint', () => {
  test('the explained Preact warnings pass, with their reasons', () => {
    const inOptions = { ...preactInnerHtml, file: 'chunks/jsxRuntime-BDUE-L8m.js' };
    const judged = judgeLint({ errors: [], warnings: [preactInnerHtml, inOptions], notices: [] });
    expect(judged.failures).toEqual([]);
    expect(judged.explained).toEqual([
      { message: preactInnerHtml, why: EXPLAINED_WARNINGS[0]!.why },
      { message: inOptions, why: EXPLAINED_WARNINGS[1]!.why },
    ]);
    expect(judged.stale).toEqual([]);
  });

  test('the same warning in another file fails', () => {
    const elsewhere = { ...preactInnerHtml, file: 'recognizer.js' };
    expect(judgeLint({ errors: [], warnings: [elsewhere], notices: [] }).failures).toEqual([
      elsewhere,
    ]);
  });

  test('any error fails', () => {
    const error: LintMessage = { code: 'MANIFEST_FIELD_REQUIRED', message: '"name" is required' };
    expect(judgeLint({ errors: [error], warnings: [], notices: [] }).failures).toEqual([error]);
  });

  test('the same warning in another file, or another warning, fails', () => {
    const elsewhere = { ...preactInnerHtml, file: 'recognizer.js' };
    const minVersion: LintMessage = {
      code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
      message: 'Manifest key not supported by the specified minimum Firefox version',
      file: 'manifest.json',
    };
    const judged = judgeLint({ errors: [], warnings: [elsewhere, minVersion], notices: [] });
    expect(judged.failures).toEqual([elsewhere, minVersion]);
  });

  test('an explanation no warning needs any more is reported as stale', () => {
    expect(judgeLint({ errors: [], warnings: [], notices: [] }).stale).toEqual(EXPLAINED_WARNINGS);
  });

  test('a message reads as code, place and description', () => {
    expect(describeMessage({ ...preactInnerHtml, description: 'Unsafe.' })).toBe(
      'UNSAFE_VAR_ASSIGNMENT content-scripts/panel.js:1:18792: Unsafe.',
    );
  });
});
