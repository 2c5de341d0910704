/**
 * Where the script on every page and the story script meet: they share the extension's isolated
 * world, so the story script leaves its offer on the global object there, which the page's own
 * scripts cannot reach. Kept apart from `story.ts` so the script on every page imports only this.
 */
import type { CompiledPack } from '../recognition/compiled';
import type { Verdict } from '../recognition/verdict';
import type { Settings } from '../settings';

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
  /**
   * The reader's settings as the background read them when it answered the page: used until they
   * change, so that a verdict is shown without waiting for the story script's own read of storage.
   */
  told(settings: Settings): void;
}

// Keys in the global registry: both scripts see the same symbols in their shared isolated world,
// which the page's own scripts cannot reach.
const STORY = Symbol.for('backstory.story');
const WAITING = Symbol.for('backstory.story.waiting');

type Shared = Record<symbol, unknown>;
type Waiter = (story: Story) => void;

/** Makes the story available to the script on every page, and to whoever waits for it. */
export function provideStory(story: Story): void {
  const shared = globalThis as Shared;
  shared[STORY] = story;
  const waiting = (shared[WAITING] as Waiter[] | undefined) ?? [];
  shared[WAITING] = undefined;
  for (const arrived of waiting) arrived(story);
}

/**
 * The story script's offer once it is in: at once when it is, else when the background's
 * injection of it ends (the background answers the page without waiting for that); null when it
 * has not come within `withinMs` (the injection failed, or the page went away meanwhile).
 */
export function storyArrives(withinMs: number): Promise<Story | null> {
  const present = findStory();
  if (present) return Promise.resolve(present);
  return new Promise((resolve) => {
    const waiting = waiters();
    const arrived: Waiter = (story) => {
      clearTimeout(timer);
      resolve(story);
    };
    const timer = setTimeout(() => {
      const at = waiting.indexOf(arrived);
      if (at >= 0) waiting.splice(at, 1);
      resolve(null);
    }, withinMs);
    waiting.push(arrived);
  });
}

/** Who waits for the story script, kept in the shared world like the story itself. */
function waiters(): Waiter[] {
  const shared = globalThis as Shared;
  const waiting = shared[WAITING] as Waiter[] | undefined;
  if (waiting) return waiting;
  const none: Waiter[] = [];
  shared[WAITING] = none;
  return none;
}

/** How long a page past the gate waits for the story script the background injects, ms. */
export const STORY_WITHIN_MS = 10_000;

/**
 * The packs the background answered a page past the gate with, once the story script is in to
 * judge the page against them (told the settings that came with them); none when there are none,
 * or when the script has not come within `withinMs`.
 */
export async function takeAnswer(
  answer: { packs: readonly CompiledPack[]; settings: Settings },
  withinMs = STORY_WITHIN_MS,
): Promise<readonly CompiledPack[]> {
  if (answer.packs.length === 0) return [];
  // The background answers as it injects the story script, not once that is done.
  const story = await storyArrives(withinMs);
  story?.told(answer.settings);
  return story ? answer.packs : [];
}

/** The story script's offer, once the background has injected it; else null. */
export function findStory(): Story | null {
  return ((globalThis as Shared)[STORY] as Story | undefined) ?? null;
}
