/**
 * Where a hover card goes beside the words it explains: below them, touching (so the pointer can
 * move onto the card without leaving both, WCAG 1.4.13 "hoverable"), or above them when there is
 * no room below; always inside the viewport. Pure: rectangles in, position out.
 */

/** A rectangle in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The card's position in viewport coordinates and which side of the words it is on. */
export interface CardPlacement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/** Space kept between the card and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;

/** Places a card of `card` size beside `anchor` in a viewport of `viewport` size. */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): CardPlacement {
  const below = anchor.top + anchor.height;
  const fitsBelow = below + card.height <= viewport.height - VIEWPORT_MARGIN;
  const fitsAbove = anchor.top - card.height >= VIEWPORT_MARGIN;
  const side = fitsBelow || !fitsAbove ? 'below' : 'above';
  const top = side === 'below' ? below : anchor.top - card.height;
  const maxLeft = viewport.width - card.width - VIEWPORT_MARGIN;
  const left = Math.max(VIEWPORT_MARGIN, Math.min(anchor.left, maxLeft));
  return { left, top, side };
}

/** Whether a point lies in a rectangle, give or take `slack` pixels. */
export function boxContains(box: Box, x: number, y: number, slack = 0): boolean {
  return (
    x >= box.left - slack &&
    x <= box.left + box.width + slack &&
    y >= box.top - slack &&
    y <= box.top + box.height + slack
  );
}
