/**
 * Where the script on every page and the story script meet: they share the extension's isolated
 * world, so the story script leaves its offer on the global object there, which the page's own
 * scripts cannot reach. Kept apart from `story.ts` so the script on every page imports only this.
 */
import type { CompiledPack } from '../recognition/compiled';
import type { Verdict } from '../recognition/verdict';

/** What the story script offers the script on every page. */
export interface Story {
  /** The page's verdict against the packs the background found it may carry. */
  judge(doc: Document, packs: readonly CompiledPack[]): Verdict | null;
  /** Shows a verdict (null: none). Nothing happens when it is the one already shown. */
  present(verdict: Verdict | null): void;
  /** The verdict shown now. */
  verdict(): Verdict | null;
  /**
   * Shows the last verdict again under the reader's new settings: a site made quiet loses the
   * launcher and the badge at once, and gets them back when it is no longer quiet.
   */
  settingsChanged(): void;
}

// A key in the global registry: both scripts see the same symbol in their shared isolated world,
// which the page's own scripts cannot reach.
const STORY = Symbol.for('backstory.story');

/** Makes the story available to the script on every page. */
export function provideStory(story: Story): void {
  (globalThis as Record<symbol, unknown>)[STORY] = story;
}

/** The story script's offer, once the background has injected it; else null. */
export function findStory(): Story | null {
  return ((globalThis as Record<symbol, unknown>)[STORY] as Story | undefined) ?? null;
}
