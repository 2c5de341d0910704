import { describe, expect, it } from 'vitest';
import { isFromThisExtension, parseToBackground, parseToPanel } from '../../utils/messages';
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
