import { describe, expect, it } from 'vitest';
import {
  isFromExtensionPage,
  isFromThisExtension,
  parseToBackground,
  parseToPage,
  parseToPanel,
  parseToSidePanel,
} from '../../utils/messages';
import { addressVerdict } from './helpers';

const verdict = addressVerdict('article', 'p');

describe('parseToBackground', () => {
  it.each([
    [{ type: 'verdict:report', verdict }, true],
    [{ type: 'verdict:report', verdict: null }, true],
    [{ type: 'panel:open' }, true],
    [{ type: 'panel:data' }, true],
    [{ type: 'panel:prepare', extra: '<b>' }, true],
    [{ type: 'verdict:report', verdict: { kind: 'everything', packId: 'p', evidence: {} } }, false],
    [{ type: 'verdict:report' }, false],
    [
      { type: 'verdict:report', verdict: { ...verdict, evidence: { kind: 'text', share: 7 } } },
      false,
    ],
    [
      {
        type: 'verdict:report',
        verdict: { ...verdict, evidence: { kind: 'quotes', quotes: '<b>', names: 1 } },
      },
      false,
    ],
    [
      {
        type: 'verdict:report',
        verdict: { ...verdict, evidence: { kind: 'topic', terms: 5, names: 2, lang: 'es' } },
      },
      true,
    ],
    [
      {
        type: 'verdict:report',
        verdict: { ...verdict, evidence: { kind: 'topic', terms: 5, names: 2, lang: 'xx' } },
      },
      false,
    ],
    [{ type: 'panel:data', tabId: 4 }, true],
    [{ type: 'panel:page', tabId: 4, message: { type: 'page:quote', quote: 'a' } }, true],
    [{ type: 'panel:page', tabId: 4, message: { type: 'page:eval', code: 'a' } }, false],
    [{ type: 'panel:page', tabId: -1, message: { type: 'page:clear' } }, false],
    [{ type: 'panel:page', message: { type: 'page:clear' } }, false],
    [{ type: 'settings:write', key: 'x' }, false],
    ['panel:open', false],
    [null, false],
    [[{ type: 'panel:open' }], false],
  ])('%j accepted: %s', (message, accepted) => {
    expect(parseToBackground(message) !== null).toBe(accepted);
  });
});

describe('parseToPanel', () => {
  it('accepts only the panel commands, stripped to their fields', () => {
    expect(parseToPanel({ type: 'panel:toggle' })).toEqual({ type: 'panel:toggle' });
    expect(parseToPanel({ type: 'panel:show', extra: 1 })).toEqual({
      type: 'panel:show',
      focus: true,
    });
    expect(parseToPanel({ type: 'panel:show', focus: false })).toEqual({
      type: 'panel:show',
      focus: false,
    });
    expect(parseToPanel({ type: 'panel:prepare', focus: true })).toEqual({ type: 'panel:prepare' });
    expect(parseToPanel({ type: 'panel:close' })).toEqual({ type: 'panel:close' });
    expect(parseToPanel({ type: 'panel:data' })).toBeNull();
  });
});

describe('isFromThisExtension', () => {
  it('accepts only this extension as sender', () => {
    expect(isFromThisExtension({ id: 'abc' }, 'abc')).toBe(true);
    expect(isFromThisExtension({ id: 'other' }, 'abc')).toBe(false);
    expect(isFromThisExtension({}, 'abc')).toBe(false);
  });
});

describe('the side panel’s messages', () => {
  it('accepts only its requests to a page, stripped to their fields', () => {
    expect(parseToPage({ type: 'page:quotes', quotes: ['a', 'b'], x: 1 })).toEqual({
      type: 'page:quotes',
      quotes: ['a', 'b'],
    });
    expect(parseToPage({ type: 'page:marks', enabled: false, browse: 'yes' })).toEqual({
      type: 'page:marks',
      enabled: false,
    });
    for (const bad of [
      { type: 'page:quotes', quotes: 'a' },
      { type: 'page:quotes', quotes: [1] },
      { type: 'page:quote', quote: '' },
      { type: 'page:quote', quote: 'x'.repeat(5000) },
      { type: 'panel:toggle' },
      null,
    ])
      expect(parseToPage(bad)).toBeNull();
  });

  it('accepts a page’s word to the side panel only in its shape', () => {
    expect(parseToSidePanel({ type: 'side:entity', kind: 'place', id: 'almaty' })).toEqual({
      type: 'side:entity',
      kind: 'place',
      id: 'almaty',
    });
    expect(parseToSidePanel({ type: 'side:marks', enabled: true, count: null })).toEqual({
      type: 'side:marks',
      enabled: true,
      count: null,
    });
    expect(parseToSidePanel({ type: 'side:entity', kind: 'event', id: 'x' })).toBeNull();
    expect(parseToSidePanel({ type: 'side:marks', enabled: true, count: -2 })).toBeNull();
  });

  it('tells the extension’s own pages from content scripts by their address', () => {
    const origin = 'chrome-extension://abc/';
    expect(isFromExtensionPage({ id: 'abc', url: `${origin}sidepanel.html` }, 'abc', origin)).toBe(
      true,
    );
    expect(isFromExtensionPage({ id: 'abc', url: 'https://news.example/' }, 'abc', origin)).toBe(
      false,
    );
    expect(isFromExtensionPage({ id: 'abc' }, 'abc', origin)).toBe(false);
    expect(isFromExtensionPage({ id: 'x', url: `${origin}sidepanel.html` }, 'abc', origin)).toBe(
      false,
    );
  });
});
