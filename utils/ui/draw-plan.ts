/**
 * How much of the panel is drawn while it is being drawn bit by bit. The panel's sections are cut
 * into pieces (the Places map, then its cards a few at a time, and so on); the controller draws
 * one more piece after each frame, so no task lays out more than a frame's worth. DOM-free.
 */

/** Cards drawn per piece: a handful fits in one frame's layout on a slow machine. */
export const CARDS_PER_PIECE = 4;
/** Timeline events drawn per piece (an event is smaller than a card). */
export const EVENTS_PER_PIECE = 8;

/**
 * How many pieces `count` items make, `perPiece` to a piece (at least one, so an empty section
 * still gets drawn).
 */
export function piecesFor(count: number, perPiece = CARDS_PER_PIECE): number {
  return Math.max(1, Math.ceil(count / perPiece));
}

/** How many items the first `pieces` pieces hold. */
export function itemsIn(pieces: number, perPiece = CARDS_PER_PIECE): number {
  return Math.max(0, pieces) * perPiece;
}

/**
 * Shares `drawn` pieces among sections in order: each section gets its pieces in full before the
 * next gets any. `Infinity` draws everything.
 */
export function piecesDrawn(sectionPieces: readonly number[], drawn: number): number[] {
  let left = drawn;
  return sectionPieces.map((pieces) => {
    const given = Math.max(0, Math.min(pieces, left));
    left -= given;
    return given;
  });
}
