import { describe, expect, it } from 'vitest';
import { createAutoOpen } from '../../utils/page/auto-open';
import type { Verdict } from '../../utils/recognition/verdict';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { addressVerdict } from './helpers';

const verdict = (kind: Verdict['kind']): Verdict => addressVerdict(kind, 'p');

describe('the panel opens by itself', () => {
  it.each([
    ['article', true],
    ['version', true],
    ['related', false],
  ] as const)('for %s by default: %s', (kind, expected) => {
    expect(createAutoOpen()(verdict(kind), DEFAULT_SETTINGS, 'https://a/')).toBe(expected);
  });

  it('follows the setting', () => {
    const settings = { autoOpen: { article: false, version: false, related: true } };
    const autoOpen = createAutoOpen();
    expect(autoOpen(verdict('article'), settings, 'https://a/')).toBe(false);
    expect(autoOpen(verdict('related'), settings, 'https://a/')).toBe(true);
  });

  it('only once per address, so a closed panel stays closed on a re-check', () => {
    const autoOpen = createAutoOpen();
    expect(autoOpen(verdict('article'), DEFAULT_SETTINGS, 'https://a/')).toBe(true);
    expect(autoOpen(verdict('article'), DEFAULT_SETTINGS, 'https://a/')).toBe(false);
    expect(autoOpen(verdict('version'), DEFAULT_SETTINGS, 'https://a/other')).toBe(true);
  });

  it('never without a verdict', () => {
    expect(createAutoOpen()(null, DEFAULT_SETTINGS, 'https://a/')).toBe(false);
  });
});
