import { describe, expect, it } from 'vitest';
import { boxContains, placeCard, VIEWPORT_MARGIN } from '../../utils/ui/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 150 };
const word = (left: number, top: number) => ({ left, top, width: 60, height: 20 });

describe('placeCard', () => {
  const short = { width: 1000, height: 300 };
  const tall = { width: 320, height: 290 };
  it.each([
    ['below the words, touching them', word(100, 300), card, viewport, [100, 320, 'below']],
    ['above when there is no room below', word(100, 700), card, viewport, [100, 550, 'above']],
    ['inside the right edge', word(900, 300), card, viewport, [672, 320, 'below']],
    ['inside the left edge', word(-40, 300), card, viewport, [VIEWPORT_MARGIN, 320, 'below']],
    ['below when it fits on neither side', word(100, 100), tall, short, [100, 120, 'below']],
  ] as const)('places the card %s', (_name, anchor, size, view, [left, top, side]) => {
    expect(placeCard(anchor, size, view)).toEqual({ left, top, side });
  });
});

describe('boxContains', () => {
  it.each([
    [110, 310, 0, true],
    [99, 310, 0, false],
    [99, 310, 1, true],
    [161, 321, 1, true],
    [170, 330, 1, false],
  ])('(%d, %d) with slack %d → %s', (x, y, slack, inside) => {
    expect(boxContains(word(100, 300), x, y, slack)).toBe(inside);
  });
});
