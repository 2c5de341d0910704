/**
 * Reading where mentions are on screen, only when needed: the text node under a point and a
 * mention's first rectangle. Kept apart from the marks controller so it stays about behaviour.
 */
import type { Box } from './card-position';

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The node under a viewport point: `caretPositionFromPoint` (the standard, Chrome 128+ and
 * Firefox), else WebKit's `caretRangeFromPoint`.
 */
export function caretAt(doc: Document, x: number, y: number): Node | null {
  const caretDoc = doc as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    return caretDoc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  }
  return caretDoc.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
}

/** The first non-empty rectangle of a range's words (a mention may wrap onto a second line). */
export function firstBox(range: Range | undefined): Box | null {
  if (!range) return null;
  for (const rect of range.getClientRects()) {
    if (rect.width > 0 && rect.height > 0) {
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    }
  }
  return null;
}

/**
 * The mention to start keyboard navigation from: the first one in the viewport, else the first
 * below it, else the last one (all are above).
 */
export function visibleIndex(
  mentions: readonly { range: Range }[],
  viewportHeight: number,
): number {
  let below = -1;
  for (const [index, mention] of mentions.entries()) {
    const box = firstBox(mention.range);
    if (!box) continue;
    if (box.top + box.height > 0 && box.top < viewportHeight) return index;
    if (box.top >= viewportHeight && below < 0) below = index;
  }
  return below >= 0 ? below : mentions.length - 1;
}
