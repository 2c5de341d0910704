import { describe, expect, it } from 'vitest';
import {
  CARDS_PER_PIECE,
  EVENTS_PER_PIECE,
  itemsIn,
  piecesDrawn,
  piecesFor,
} from '../../utils/ui/draw-plan';

describe('piecesDrawn', () => {
  it.each([
    { sections: [5, 3, 1], drawn: 0, expected: [0, 0, 0] },
    { sections: [5, 3, 1], drawn: 1, expected: [1, 0, 0] },
    { sections: [5, 3, 1], drawn: 5, expected: [5, 0, 0] },
    { sections: [5, 3, 1], drawn: 7, expected: [5, 2, 0] },
    { sections: [5, 3, 1], drawn: 9, expected: [5, 3, 1] },
    { sections: [5, 3, 1], drawn: 20, expected: [5, 3, 1] },
    { sections: [5, 3, 1], drawn: Infinity, expected: [5, 3, 1] },
    { sections: [], drawn: 3, expected: [] },
  ])('$drawn of $sections', ({ sections, drawn, expected }) => {
    expect(piecesDrawn(sections, drawn)).toEqual(expected);
  });
});

describe('piecesFor and itemsIn', () => {
  it.each([
    { items: 0, perPiece: CARDS_PER_PIECE, pieces: 1 },
    { items: 1, perPiece: CARDS_PER_PIECE, pieces: 1 },
    { items: CARDS_PER_PIECE, perPiece: CARDS_PER_PIECE, pieces: 1 },
    { items: CARDS_PER_PIECE + 1, perPiece: CARDS_PER_PIECE, pieces: 2 },
    { items: 16, perPiece: CARDS_PER_PIECE, pieces: Math.ceil(16 / CARDS_PER_PIECE) },
    { items: 25, perPiece: EVENTS_PER_PIECE, pieces: Math.ceil(25 / EVENTS_PER_PIECE) },
  ])('$items items, $perPiece a piece, make $pieces pieces', ({ items, perPiece, pieces }) => {
    expect(piecesFor(items, perPiece)).toBe(pieces);
    expect(itemsIn(pieces, perPiece)).toBeGreaterThanOrEqual(items);
    expect(itemsIn(pieces - 1, perPiece)).toBeLessThan(Math.max(1, items));
  });

  it('holds nothing before the first piece and everything at Infinity', () => {
    expect(itemsIn(0)).toBe(0);
    expect(itemsIn(-1)).toBe(0);
    expect(itemsIn(Infinity)).toBe(Infinity);
  });
});
