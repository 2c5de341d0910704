/**
 * The one message protocol between the page side (content scripts) and the extension side
 * (background, and the browser's side panel). One map per direction; every message is checked on
 * arrival and accepted only from this extension itself. Results are
 * `{ ok: true, value } | { ok: false, error }`.
 */
import type { PanelLanguage } from './i18n/language';
import type { Messages } from './i18n/messages';
import type { StoryEntry } from './packs/catalogue';
import type { Pack } from './packs/types';
import type { CompiledPack } from './recognition/compiled';
import { MAX_NAMES } from './recognition/gate';
import { isLanguage } from './recognition/languages';
import type { Verdict } from './recognition/verdict';
import type { Settings } from './settings';

/** A reply to any message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages content scripts send to the background. */
export interface ToBackground {
  /**
   * The page gate let the page through (see `recognition/gate.ts`): which of its addresses and
   * names may be a story's. The background checks them exactly and answers with the packs the
   * page may carry (often none); when there are some and the page does not have the story script
   * yet (`loaded: false`), it injects the script, without waiting for the injection to end before
   * it answers: the page waits for the script itself (`page/story-handoff.ts`).
   */
  'page:suspect': {
    request: { addresses: string[]; names: string[]; loaded: boolean };
    /**
     * With the reader's settings as the background read them, so that the story script need not
     * wait for its own read of storage to show a verdict (docs/performance.md, "The launcher's
     * way to the page").
     */
    response: { packs: CompiledPack[]; settings: Settings };
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
  'panel:open': { request: { auto?: boolean; sidePanel?: boolean }; response: null };
  /**
   * The page is idle and has a verdict, and the panel will not open by itself: draw it hidden now,
   * so the reader's first press only shows it.
   */
  'panel:prepare': { request: Record<never, never>; response: null };
  /**
   * The panel asks what to show: this tab's verdict and its pack, or, on a page Backstory has
   * nothing for (the reader pressed the toolbar button there), the stories it knows. The side
   * panel, an extension page in no tab, names the tab it shows (`tabId`); a content script's
   * `tabId` is ignored (its own tab is used).
   */
  'panel:data': { request: { tabId?: number; lang?: string }; response: PanelData };
  /**
   * The side panel asks the page in a tab to do something (find or show a quote, the marks): the
   * background gives it to the tab's panel script, injecting that first where it is missing.
   */
  'panel:page': { request: { tabId: number; message: MessageOf<ToPage> }; response: unknown };
  /** Open Backstory's settings page (a content script cannot). */
  'settings:open': { request: Record<never, never>; response: null };
  /**
   * The panel's frame on a page asks which tab it is in (Firefox gives an extension page framed
   * in a web page no `tabs` API; the background knows the tab of the message's sender).
   */
  'panel:tab': { request: Record<never, never>; response: { tabId: number } };
}

/**
 * What the panel shows: a story's background (in the panel's content language), or the stories
 * Backstory knows; with the panel's languages and, for controls not in English, their messages.
 */
export type PanelData = (
  { verdict: Verdict; pack: Pack } | { verdict: null; stories: StoryEntry[] }
) & { language: PanelLanguage; messages: Messages | null };

/**
 * What the panel's page (the browser's side panel, or the panel's frame on the page) asks of the
 * page it shows, through the background (`panel:page`).
 */
export interface ToPage {
  /** Which of the article's quotes are on the page now. */
  'page:quotes': { request: { quotes: string[] }; response: { found: string[] } };
  /** Scroll the page to a quote and highlight it. */
  'page:quote': { request: { quote: string }; response: { found: boolean } };
  /** Take the quote's highlight off the page. */
  'page:clear': { request: Record<never, never>; response: null };
  /**
   * The marks of the story's people and places in the article: their state, after switching them
   * on or off (`enabled`) or moving focus to the first (`browse`). `count` is null while the page
   * is still being marked.
   */
  'page:marks': {
    request: { enabled?: boolean; browse?: boolean };
    response: MarksReport;
  };
  /** The panel in the page's frame was closed (its close button, Escape): hide the frame. */
  'page:hide': { request: Record<never, never>; response: null };
  /**
   * The panel's frame on the page has started: whether the reader opened it meanwhile, so it
   * takes focus (a frame cannot tell by itself that its page gave it focus before it loaded), and
   * the page's site (for the "nothing here" panel).
   */
  'page:ready': { request: Record<never, never>; response: { focus: boolean; host: string } };
}

/**
 * A request to a page as it arrives from the background: `frame` when the background saw it come
 * from the panel's frame on that page itself (the sender's tab), not from the side panel.
 */
export type PageRequest = MessageOf<ToPage> & { frame?: true };

/** The marks' state as the page reports it to the side panel. */
export interface MarksReport {
  enabled: boolean;
  count: number | null;
}

/** What a tab's panel script tells the side panel showing that tab (a broadcast). */
export interface ToSidePanel {
  /** The reader pressed a mark in the article: show that place's or person's card. */
  'side:entity': { request: { kind: 'place' | 'person'; id: string }; response: null };
  /** The marks changed (the page was marked, or they were switched on the page). */
  'side:marks': { request: MarksReport; response: null };
  /** The page gave its panel frame focus (the reader opened it): move it to the panel's title. */
  'side:focus': { request: Record<never, never>; response: null };
}

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
      return {
        type: 'panel:open',
        auto: message.auto === true,
        sidePanel: message.sidePanel === true,
      };
    case 'panel:prepare':
      return { type: 'panel:prepare' };
    case 'panel:data': {
      const lang =
        typeof message.lang === 'string' &&
        /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(message.lang)
          ? message.lang
          : undefined;
      return {
        type: 'panel:data',
        ...(isTabId(message.tabId) && { tabId: message.tabId }),
        ...(lang && { lang }),
      };
    }
    case 'panel:page': {
      const request = isRecord(message.message) ? parseOnePageRequest(message.message) : null;
      return isTabId(message.tabId) && request
        ? { type: 'panel:page', tabId: message.tabId, message: request }
        : null;
    }
    case 'settings:open':
      return { type: 'settings:open' };
    case 'panel:tab':
      return { type: 'panel:tab' };
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

/** A request of the side panel or the panel's frame to a page, checked for shape. */
export function parseToPage(message: unknown): PageRequest | null {
  if (!isRecord(message)) return null;
  const request = parseOnePageRequest(message);
  return request && message.frame === true ? { ...request, frame: true } : request;
}

function parseOnePageRequest(message: Record<string, unknown>): MessageOf<ToPage> | null {
  switch (message.type) {
    case 'page:quotes':
      return isTextList(message.quotes) ? { type: 'page:quotes', quotes: message.quotes } : null;
    case 'page:quote':
      return isText(message.quote) ? { type: 'page:quote', quote: message.quote } : null;
    case 'page:clear':
      return { type: 'page:clear' };
    case 'page:marks':
      return {
        type: 'page:marks',
        ...(typeof message.enabled === 'boolean' && { enabled: message.enabled }),
        ...(message.browse === true && { browse: true }),
      };
    case 'page:hide':
      return { type: 'page:hide' };
    case 'page:ready':
      return { type: 'page:ready' };
    default:
      return null;
  }
}

/** A page script's message to the side panel, checked for shape. */
export function parseToSidePanel(message: unknown): MessageOf<ToSidePanel> | null {
  if (!isRecord(message)) return null;
  if (message.type === 'side:entity') {
    return (message.kind === 'place' || message.kind === 'person') && isText(message.id)
      ? { type: 'side:entity', kind: message.kind, id: message.id }
      : null;
  }
  if (message.type === 'side:focus') return { type: 'side:focus' };
  if (message.type === 'side:marks') {
    return isMarksReport(message)
      ? { type: 'side:marks', enabled: message.enabled, count: message.count }
      : null;
  }
  return null;
}

/** Whether `value` is the marks' state as a page reports it. */
export function isMarksReport(value: unknown): value is MarksReport {
  return (
    isRecord(value) &&
    typeof value.enabled === 'boolean' &&
    (value.count === null ||
      (typeof value.count === 'number' && Number.isInteger(value.count) && value.count >= 0))
  );
}

/** True when a message comes from this extension's own scripts (not a page or another extension). */
export function isFromThisExtension(
  sender: { id?: string | undefined },
  extensionId: string,
): boolean {
  return sender.id === extensionId;
}

/**
 * True when a message comes from one of this extension's own pages (the side panel, the
 * settings), not from a content script: a content script's sender is the page it runs in, and no
 * content script runs in an extension page. `extensionOrigin` ends with "/".
 */
export function isFromExtensionPage(
  sender: { id?: string | undefined; url?: string | undefined },
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(extensionOrigin)
  );
}

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A quote or an id: a non-empty string of reasonable length. */
function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 2_048;
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 500 && value.every(isText);
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
