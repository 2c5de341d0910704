/**
 * Bringing a passage of the page into view: centred vertically, smoothly unless the reader asked
 * the system for reduced motion (then instantly).
 */

/** Whether the reader prefers reduced motion. */
export function prefersReducedMotion(doc: Document): boolean {
  return doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Scrolls the page (and any scrolling box around the passage) so that `range` sits in the middle
 * of the viewport. The element around the passage is centred, which also scrolls inner scrolling
 * boxes; a passage inside a block taller than most of the viewport is centred by its own rectangle.
 */
export function scrollToRange(doc: Document, range: Range): void {
  const view = doc.defaultView;
  const container = range.commonAncestorContainer;
  const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (!view || !element) return;
  const behavior: ScrollBehavior = prefersReducedMotion(doc) ? 'instant' : 'smooth';
  const height = view.innerHeight;
  if (element.getBoundingClientRect().height <= height * 0.7) {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    return;
  }
  const rect = range.getBoundingClientRect();
  view.scrollBy({ top: rect.top - (height - rect.height) / 2, behavior });
}
