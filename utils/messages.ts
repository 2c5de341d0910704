/**
 * The one message protocol between the page side (content scripts) and the extension side
 * (background). One map per direction; every message is checked on arrival and accepted only
 * from this extension itself. Results are `{ ok: true, value } | { ok: false, error }`.
 */
import type { StoryEntry } from './packs/catalogue';
import type { Pack } from './packs/types';
import type { CompiledPack } from './recognition/compiled';
import { MAX_NAMES } from './recognition/gate';
import { isLanguage } from './recognition/languages';
import type { Verdict } from './recognition/verdict';

/** A reply to any message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages content scripts send to the background. */
export interface ToBackground {
  /**
   * The page gate let the page through (see `recognition/gate.ts`): which of its addresses and
   * names may be a story's. The background checks them exactly and answers with the packs the
   * page may carry (often none); when there are some and the page does not have the story script
   * yet (`loaded: false`), it injects the script first.
   */
  'page:suspect': {
    request: { addresses: string[]; names: string[]; loaded: boolean };
    response: { packs: CompiledPack[] };
  };
  /**
   * The page's verdict, for the badge and action title: sent when there is one, and null only
   * when a page that had one no longer has it (client-side navigation).
   */
  'verdict:report': { request: { verdict: Verdict | null }; response: null };
  /**
   * Open the panel in this tab: the launcher was pressed, or (`auto`) the reader's settings open
   * it by itself, which leaves the reader's focus where it is.
   */
  'panel:open': { request: { auto?: boolean }; response: null };
  /**
   * The page is idle and has a verdict, and the panel will not open by itself: draw it hidden now,
   * so the reader's first press only shows it.
   */
  'panel:prepare': { request: Record<never, never>; response: null };
  /**
   * The panel asks what to show: this tab's verdict and its pack, or, on a page Backstory has
   * nothing for (the reader pressed the toolbar button there), the stories it knows.
   */
  'panel:data': { request: Record<never, never>; response: PanelData };
  /** Open Backstory's settings page (a content script cannot). */
  'settings:open': { request: Record<never, never>; response: null };
}

/** What the panel shows: a story's background, or the stories Backstory knows. */
export type PanelData = { verdict: Verdict; pack: Pack } | { verdict: null; stories: StoryEntry[] };

/** Messages the background sends to a tab's story script (on pages past the gate). */
export interface ToStory {
  /** The page's current verdict (a toolbar press checks it: the tab may have navigated). */
  'story:verdict': { request: Record<never, never>; response: { verdict: Verdict | null } };
}

/** Messages the background sends to a tab's panel script. */
export interface ToPanel {
  /** Open the panel if closed, close it if open. */
  'panel:toggle': { request: Record<never, never>; response: { open: boolean } };
  /** Open the panel (no-op when open); `focus: false` opens it without moving focus into it. */
  'panel:show': { request: { focus?: boolean }; response: { open: boolean } };
  /** Draw the panel hidden, ahead of the reader's first press (no-op once it is drawn). */
  'panel:prepare': { request: Record<never, never>; response: { open: boolean } };
  /** The page no longer carries the story (client-side navigation): take the panel off it. */
  'panel:close': { request: Record<never, never>; response: { open: boolean } };
}

export type MessageOf<M> = {
  [K in keyof M]: { type: K } & (M[K] extends { request: infer R } ? R : never);
}[keyof M];

/** A message from the page side, checked for shape. Anything else is dropped. */
export function parseToBackground(message: unknown): MessageOf<ToBackground> | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  switch (message.type) {
    case 'page:suspect':
      return isKeyList(message.addresses) && isKeyList(message.names)
        ? {
            type: 'page:suspect',
            addresses: message.addresses,
            names: message.names,
            loaded: message.loaded === true,
          }
        : null;
    case 'verdict:report':
      return message.verdict === null || isVerdict(message.verdict)
        ? { type: 'verdict:report', verdict: message.verdict }
        : null;
    case 'panel:open':
      return { type: 'panel:open', auto: message.auto === true };
    case 'panel:prepare':
      return { type: 'panel:prepare' };
    case 'panel:data':
      return { type: 'panel:data' };
    case 'settings:open':
      return { type: 'settings:open' };
    default:
      return null;
  }
}

/** A message from the background to the story script, checked for shape. */
export function parseToStory(message: unknown): MessageOf<ToStory> | null {
  return isRecord(message) && message.type === 'story:verdict' ? { type: 'story:verdict' } : null;
}

/** A message from the background to the panel, checked for shape. */
export function parseToPanel(message: unknown): MessageOf<ToPanel> | null {
  if (!isRecord(message)) return null;
  if (message.type === 'panel:toggle') return { type: 'panel:toggle' };
  if (message.type === 'panel:show') return { type: 'panel:show', focus: message.focus !== false };
  if (message.type === 'panel:close') return { type: 'panel:close' };
  if (message.type === 'panel:prepare') return { type: 'panel:prepare' };
  return null;
}

/** True when a message comes from this extension's own scripts (not a page or another extension). */
export function isFromThisExtension(
  sender: { id?: string | undefined },
  extensionId: string,
): boolean {
  return sender.id === extensionId;
}

/** A short list of short strings (address keys or name forms), as the page gate sends them. */
function isKeyList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_NAMES &&
    value.every((item) => typeof item === 'string' && item.length > 0 && item.length <= 2_048)
  );
}

/** Whether `value` is a verdict in the shape the engine makes. */
export function isVerdict(value: unknown): value is Verdict {
  return (
    isRecord(value) &&
    (value.kind === 'article' || value.kind === 'version' || value.kind === 'related') &&
    typeof value.packId === 'string' &&
    isEvidence(value.evidence)
  );
}

function isEvidence(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  switch (value.kind) {
    case 'address':
      return value.via === 'address' || value.via === 'canonical';
    case 'text':
      return typeof value.share === 'number' && value.share >= 0 && value.share <= 1;
    case 'quotes':
      return isCount(value.quotes) && isCount(value.names);
    case 'sequence':
      return (
        isCount(value.matched) &&
        isCount(value.span) &&
        (value.matched as number) <= (value.span as number) &&
        isLanguage(value.lang)
      );
    case 'topic':
      return isCount(value.terms) && isCount(value.names) && isLanguage(value.lang);
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
