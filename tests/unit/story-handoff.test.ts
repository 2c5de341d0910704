import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompiledPack } from '../../utils/recognition/compiled';
import {
  findStory,
  provideStory,
  storyArrives,
  takeAnswer,
  type Story,
} from '../../utils/page/story-handoff';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';

afterEach(() => {
  vi.useRealTimers();
  (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.story')] = undefined;
});

/** A story script's offer that records the settings it is told. */
function fakeStory(): Story & { toldSettings: Settings[] } {
  const toldSettings: Settings[] = [];
  return {
    toldSettings,
    judge: () => null,
    present: () => {},
    verdict: () => null,
    settingsChanged: () => {},
    told: (settings) => toldSettings.push(settings),
  };
}

const PACKS = [{ id: 'a-story' }] as unknown as CompiledPack[];

describe('the page waits for the story script the background injects', () => {
  it('has it at once when it is in', async () => {
    const story = fakeStory();
    provideStory(story);
    expect(await storyArrives(1000)).toBe(story);
  });

  it('has it as soon as it comes, every waiter', async () => {
    const first = storyArrives(1000);
    const second = storyArrives(1000);
    const story = fakeStory();
    provideStory(story);
    expect(await first).toBe(story);
    expect(await second).toBe(story);
    expect(findStory()).toBe(story);
  });

  it('gives up when it does not come in time, and a late one is still found', async () => {
    vi.useFakeTimers();
    const waiting = storyArrives(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await waiting).toBeNull();
    const late = fakeStory();
    provideStory(late);
    expect(findStory()).toBe(late);
  });
});

describe('the background’s answer', () => {
  it('is judged once the story script is in, which is told the settings first', async () => {
    const settings = { ...DEFAULT_SETTINGS, language: 'de' } satisfies Settings;
    const packs = takeAnswer({ packs: PACKS, settings });
    const story = fakeStory();
    provideStory(story);
    expect(await packs).toBe(PACKS);
    expect(story.toldSettings).toEqual([settings]);
  });

  it('with no packs waits for nothing; without a story script in time it is no story', async () => {
    vi.useFakeTimers();
    expect(await takeAnswer({ packs: [], settings: DEFAULT_SETTINGS })).toEqual([]);
    const packs = takeAnswer({ packs: PACKS, settings: DEFAULT_SETTINGS }, 500);
    await vi.advanceTimersByTimeAsync(500);
    expect(await packs).toEqual([]);
  });
});
