import { describe, expect, it } from 'vitest';
import { cardPieces, cardsIn, CARDS_PER_PIECE, piecesDrawn } from '../../utils/ui/draw-plan';

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

describe('card pieces', () => {
  it.each([
    { cards: 0, pieces: 1 },
    { cards: 1, pieces: 1 },
    { cards: CARDS_PER_PIECE, pieces: 1 },
    { cards: CARDS_PER_PIECE + 1, pieces: 2 },
    { cards: 16, pieces: Math.ceil(16 / CARDS_PER_PIECE) },
  ])('$cards cards make $pieces pieces', ({ cards, pieces }) => {
    expect(cardPieces(cards)).toBe(pieces);
    expect(cardsIn(pieces)).toBeGreaterThanOrEqual(cards);
  });
});
