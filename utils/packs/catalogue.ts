/**
 * The stories Backstory knows, as the panel lists them on a page it has nothing for: each
 * story's article and what its background covers. Written at build time beside the library
 * (`recognition/stories.json`), so listing them never loads a pack.
 */
import type { Pack } from './types';

/** One story in the list. */
export interface StoryEntry {
  id: string;
  /** The article's title, publisher, canonical address and publication date. */
  title: string;
  publisher: string;
  url: string;
  published: string;
  /** What its background covers. */
  places: number;
  people: number;
  events: number;
  /** When the background was last checked against its sources. */
  reviewed: string;
}

/** A pack's entry in the list. */
export function storyEntry(pack: Pack): StoryEntry {
  const { article } = pack;
  return {
    id: pack.id,
    title: article.title,
    publisher: article.publisher,
    url: article.url,
    published: article.published.date,
    places: pack.places.length,
    people: pack.people.length,
    events: pack.timeline.length,
    reviewed: pack.reviewed,
  };
}

/** Whether a value read from the package is a list of stories (it is read, not trusted). */
export function isStoryList(value: unknown): value is StoryEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        ['id', 'title', 'publisher', 'url', 'published', 'reviewed'].every(
          (key) => typeof (entry as Record<string, unknown>)[key] === 'string',
        ) &&
        ['places', 'people', 'events'].every(
          (key) => typeof (entry as Record<string, unknown>)[key] === 'number',
        ) &&
        /^https:\/\//.test((entry as { url: string }).url),
    )
  );
}
