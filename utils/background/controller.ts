/**
 * The extension side: checks the pages the page gate lets through against the library, keeps
 * each tab's verdict, shows it on the toolbar button (badge and title), opens or closes the
 * panel on a toolbar click, the keyboard command or the launcher (on the page, or in the
 * browser's side panel where the reader chose it), and carries the side panel's requests to the
 * page in its tab. It hears from a page only when
 * the page may carry a story, so most pages never wake it. The browser API and the library are
 * parameters so unit tests run it against WXT's fake browser and data in memory.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import {
  isFromExtensionPage,
  isFromThisExtension,
  isVerdict,
  parseToBackground,
  type MessageOf,
  type Result,
  type ToBackground,
  type PageRequest,
  type ToPanel,
  type ToStory,
} from '../messages';
import { chooseLanguage, pageLanguage, type PanelLanguage } from '../i18n/language';
import { browserUiLanguage, type Messages, type UiLanguage } from '../i18n/messages';
import type { StoryEntry } from '../packs/catalogue';
import {
  applyTranslation,
  type ContentLanguage,
  type PackTranslationFile,
} from '../packs/translation';
import type { Pack } from '../packs/types';
import { candidatesFor, type LibrarySource } from '../recognition/library';
import { THRESHOLDS } from '../recognition/recognize';
import type { Verdict } from '../recognition/verdict';
import type { Settings } from '../settings';
import type { SiteScope } from '../site-scope';
import { tabOfVerdictKey, verdictKey } from '../storage-keys';
import { syncRecognizer } from './registration';
import { actionTitle, badgeText } from '../strings';

/** The panel script, injected on demand into a tab that has a verdict. */
export const PANEL_SCRIPT = '/content-scripts/panel.js';
/** The story script (engine, launcher), injected into a tab whose page may carry a story. */
export const STORY_SCRIPT = '/content-scripts/story.js';

const BADGE_COLOR = '#1d4e89';

/** What the background needs. */
export interface BackgroundOptions {
  browser: Browser;
  /** Every story's recognition data (packaged files; memory in tests). */
  library: LibrarySource;
  /** The reader's settings, read from storage (once, as the worker starts). */
  settings: () => Promise<Settings>;
  /** Calls back with the settings whenever they change. */
  watchSettings: (onChange: (settings: Settings) => void) => void;
  /** A pack as the panel shows it, or null when there is no such pack. */
  pack: (id: string) => Promise<Pack | null>;
  /** The stories Backstory knows, for a page it has nothing for. */
  stories: () => Promise<StoryEntry[]>;
  /** A pack's texts in a content language (see `utils/packs/translation.ts`), or null. */
  translation: (id: string, lang: ContentLanguage) => Promise<PackTranslationFile | null>;
  /** The messages of a language of the controls (`_locales/<lang>/messages.json`), or null. */
  messages: (lang: UiLanguage) => Promise<Messages | null>;
}

/** The background's handlers, returned for tests. */
export interface BackgroundController {
  /** Opens or closes the panel in a tab (toolbar click, keyboard command). */
  toggle(tabId: number): Promise<void>;
  /** Handles a message from a content script. */
  handleMessage(message: unknown, sender: Sender): Promise<Result<unknown>>;
  /** The verdict last reported for a tab. */
  verdictFor(tabId: number): Promise<Verdict | null>;
}

/** Firefox's sidebar (its side panel), which Chrome's types do not have. */
interface SidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

/** Who sent a message: a content script (its tab), or an extension page (its address). */
interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; windowId?: number | undefined } | undefined;
}

/** Starts the background: listeners for messages and the toolbar button (and its command). */
export function startBackground(options: BackgroundOptions): BackgroundController {
  const { browser, library } = options;
  const verdicts = createVerdictStore(browser);
  // Puts one of the extension's scripts into a tab's top frame at once, not held until the page's
  // load event (the browser's default), which a news page's images and ads put off well past the
  // moment its text is there.
  const inject = (tabId: number, file: typeof PANEL_SCRIPT | typeof STORY_SCRIPT) =>
    browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [file],
      injectImmediately: true,
    });
  // The reader's settings: read once as the worker starts, then kept as they change, so that a
  // page past the gate (on the launcher's way) or a panel asking for its data does not wait for
  // storage again.
  let settingsNow = options.settings();
  // Firefox's MV2 build has `browserAction`, Chrome's MV3 build `action`: the same API.
  const action = browser.action ?? browser.browserAction;

  const sendToPanel = (tabId: number, message: MessageOf<ToPanel> | PageRequest) =>
    browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<Result<unknown>>;
  const extensionOrigin = browser.runtime.getURL('/');

  // Where the reader wants the panel, once the settings are read (null until then). Chrome opens
  // its side panel by itself on a press once told to (`setPanelBehavior`, kept by the browser);
  // Firefox's sidebar and a launcher press are opened here, at once: the browser allows it only
  // while the reader's gesture lasts, not after awaiting anything.
  let panelIn: Settings['panelIn'] | null = null;
  const applyPanelIn = (place: Settings['panelIn']) => {
    panelIn = place;
    browser.sidePanel
      ?.setPanelBehavior({ openPanelOnActionClick: place === 'side-panel' })
      .catch((error: unknown) => console.warn('Backstory: side panel behaviour not set', error));
  };
  /**
   * Opens the browser's side panel for the window of `tab` (Firefox: toggles its sidebar when
   * `toggle`); null where the browser has none. Call it in the reader's gesture, before any await.
   */
  const openSidePanel = (tab: Sender['tab'], toggle = false): Promise<void> | null => {
    if (browser.sidePanel?.open && tab?.windowId !== undefined)
      return browser.sidePanel.open({ windowId: tab.windowId });
    const sidebar = (browser as { sidebarAction?: SidebarAction }).sidebarAction;
    if (sidebar) return toggle ? sidebar.toggle() : sidebar.open();
    return null;
  };

  const showVerdict = async (tabId: number, verdict: Verdict | null) => {
    await Promise.all([
      action.setTitle({ tabId, title: actionTitle(verdict?.kind ?? null) }),
      action.setBadgeText({ tabId, text: badgeText(verdict?.kind ?? null) }),
      action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    ]);
  };

  // Injections under way, per tab: a press and a preparation (or two quick presses) arriving
  // together inject the panel script once.
  const injecting = new Map<number, Promise<unknown>>();
  /**
   * Sends `message` to the tab's panel script, injecting the script first when the tab does not
   * have it yet; a freshly injected panel gets `first` instead.
   */
  const toPanel = async (
    tabId: number,
    message: MessageOf<ToPanel> | PageRequest,
    first = message,
  ) => {
    // No panel script in this tab yet: either no script at all listens ("Receiving end does not
    // exist") or only the story script does, which answers nothing to the panel's messages.
    const reply = await sendToPanel(tabId, message).catch(() => undefined);
    if (reply) return reply;
    let injection = injecting.get(tabId);
    if (!injection) {
      injection = inject(tabId, PANEL_SCRIPT).finally(() => injecting.delete(tabId));
      injecting.set(tabId, injection);
    }
    await injection;
    return sendToPanel(tabId, first);
  };

  /**
   * The verdict of the page a tab shows now. A page reports only a verdict, not its absence, so
   * after the tab navigated the stored one may be an earlier page's: the page's story script (on
   * pages past the gate) answers for it, and a page without one has none.
   */
  const currentVerdict = async (tabId: number, forget = true): Promise<Verdict | null> => {
    if (!(await verdicts.get(tabId))) return null;
    const message: MessageOf<ToStory> = { type: 'story:verdict' };
    const reply: unknown = await browser.tabs
      .sendMessage(tabId, message, { frameId: 0 })
      .catch(() => undefined);
    const verdict =
      isResult(reply) && reply.ok ? (reply.value as { verdict: unknown }).verdict : null;
    if (isVerdict(verdict)) return verdict;
    if (forget) await verdicts.delete(tabId);
    return null;
  };

  /**
   * Opens (or toggles) the panel in a tab. A press of the toolbar button or the keyboard command
   * is never ignored: on a page with no verdict it opens the panel that says so. The launcher and
   * the settings open it only where there is a verdict.
   */
  const open = async (tabId: number, mode: 'toggle' | 'show', focus = true) => {
    if (mode === 'show' && !(await currentVerdict(tabId))) return;
    if (mode === 'toggle') await currentVerdict(tabId); // forgets a verdict the tab left behind
    const message: MessageOf<ToPanel> =
      mode === 'toggle' ? { type: 'panel:toggle' } : { type: 'panel:show', focus };
    // A panel just injected is closed: the toggle opens it.
    // A page the browser keeps extensions off (its own pages, the web store) cannot show it.
    await toPanel(tabId, message, { type: 'panel:show', focus }).catch(() => undefined);
  };

  // Packs put in a language, once each for the worker's life (a whole pack is copied for it).
  const translated = new Map<string, Promise<Pack | null>>();
  const packIn = (id: string, lang: 'en' | ContentLanguage): Promise<Pack | null> => {
    if (lang === 'en') return options.pack(id);
    const key = `${id}.${lang}`;
    let pack = translated.get(key);
    if (!pack) {
      pack = Promise.all([options.pack(id), options.translation(id, lang)]).then(
        ([english, texts]) => {
          if (english && texts) return applyTranslation(english, texts);
          translated.delete(key); // read again next time
          return english;
        },
      );
      translated.set(key, pack);
    }
    return pack;
  };
  const dataFor = (verdict: Verdict | null, declared: string | undefined) =>
    settingsNow.then((settings) => panelData(verdict, declared, settings, options, packIn));

  const handleMessage: BackgroundController['handleMessage'] = async (raw, sender) => {
    if (!isFromThisExtension(sender, browser.runtime.id))
      return { ok: false, error: 'unknown sender' };
    const message = parseToBackground(raw);
    // The side panel (an extension page) names the tab it shows; nothing else may.
    if (isFromExtensionPage(sender, browser.runtime.id, extensionOrigin)) {
      if (message?.type === 'panel:data') {
        const tabId = message.tabId;
        const verdict = tabId === undefined ? null : await currentVerdict(tabId, false);
        return dataFor(verdict, undefined);
      }
      if (message?.type === 'panel:page') {
        // From the panel's frame on that very page, the page is told so (see `PageRequest`).
        const fromFrame = sender.tab?.id === message.tabId;
        const request = fromFrame ? { ...message.message, frame: true as const } : message.message;
        const reply = await toPanel(message.tabId, request).catch(() => undefined);
        return reply ?? { ok: false, error: 'the page in this tab cannot be reached' };
      }
      if (message?.type === 'panel:tab') {
        const tabId = sender.tab?.id;
        return tabId === undefined
          ? { ok: false, error: 'not in a tab' }
          : { ok: true, value: { tabId } };
      }
      return { ok: false, error: 'malformed message' };
    }
    const tabId = sender.tab?.id;
    if (
      !message ||
      tabId === undefined ||
      message.type === 'panel:page' ||
      message.type === 'panel:tab'
    )
      return { ok: false, error: 'malformed message' };
    switch (message.type) {
      case 'page:suspect': {
        const [packs, settings] = await Promise.all([
          candidatesFor(message, library, THRESHOLDS.relatedNames),
          settingsNow,
        ]);
        // The answer does not wait for the injection to end (a round trip through the page and
        // the browser): the page waits for the story script itself, and judges once both are in.
        if (packs.length > 0 && !message.loaded) {
          void inject(tabId, STORY_SCRIPT).catch((error: unknown) =>
            console.warn('Backstory: no story script in the tab', error),
          );
        }
        return { ok: true, value: { packs, settings } };
      }
      case 'verdict:report': {
        const before = await verdicts.get(tabId);
        await verdicts.set(tabId, message.verdict);
        await showVerdict(tabId, message.verdict);
        // The story left the page (client-side navigation): a panel about it goes too.
        if (before && !message.verdict) {
          await sendToPanel(tabId, { type: 'panel:close' }).catch(() => undefined);
        }
        return { ok: true, value: null };
      }
      case 'panel:open': {
        // The launcher pressed where the reader chose the side panel: opened in the gesture, or
        // on the page where the browser refuses.
        const opening = message.sidePanel && !message.auto ? openSidePanel(sender.tab) : null;
        if (opening) {
          const opened = await opening.then(
            () => true,
            () => false,
          );
          if (opened) return { ok: true, value: null };
        }
        await open(tabId, 'show', !message.auto);
        return { ok: true, value: null };
      }
      case 'panel:prepare':
        if (await verdicts.get(tabId)) await toPanel(tabId, { type: 'panel:prepare' });
        return { ok: true, value: null };
      case 'panel:data':
        return dataFor(await verdicts.get(tabId), message.lang);
      case 'settings:open':
        await browser.runtime.openOptionsPage();
        return { ok: true, value: null };
    }
  };

  // The script on every page runs where the reader's settings say: registered when Backstory is
  // installed, updated or the browser starts, and again whenever the settings change.
  const sync = (scope: SiteScope) =>
    syncRecognizer(browser, scope).catch((error: unknown) =>
      console.error('Backstory: the page script could not be registered', error),
    );
  const syncNow = () => void settingsNow.then(sync);
  browser.runtime.onInstalled.addListener(syncNow);
  browser.runtime.onStartup.addListener(syncNow);
  void settingsNow.then((settings) => applyPanelIn(settings.panelIn));
  options.watchSettings((settings) => {
    settingsNow = Promise.resolve(settings);
    void sync(settings);
    applyPanelIn(settings.panelIn);
  });

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  // The toolbar button and its keyboard command (`_execute_action`). Where Chrome opens its side
  // panel itself on a press, this is not called.
  action.onClicked.addListener((tab) => {
    if (panelIn === 'side-panel') {
      const opening = openSidePanel(tab, true);
      if (opening) {
        opening.catch(() => {
          if (tab.id !== undefined) void open(tab.id, 'toggle');
        });
        return;
      }
    }
    if (tab.id !== undefined) void open(tab.id, 'toggle');
  });

  return { toggle: (tabId) => open(tabId, 'toggle'), handleMessage, verdictFor: verdicts.get };
}

/**
 * What a panel shows for `verdict` on a page whose own language tag is `declared`, under the
 * reader's `settings`: the pack in the panel's content language, and the panel's languages with
 * their messages.
 */
async function panelData(
  verdict: Verdict | null,
  declared: string | undefined,
  settings: Settings,
  { stories, messages }: BackgroundOptions,
  packIn: (id: string, lang: PanelLanguage['content']) => Promise<Pack | null>,
): Promise<Result<ToBackground['panel:data']['response']>> {
  const language = chooseLanguage(
    settings.language,
    pageLanguage(verdict, declared),
    browserUiLanguage(),
  );
  const words = { language, messages: language.ui === 'en' ? null : await messages(language.ui) };
  if (!verdict) return { ok: true, value: { verdict: null, stories: await stories(), ...words } };
  const pack = await packIn(verdict.packId, language.content);
  if (!pack) return { ok: false, error: `no pack "${verdict.packId}"` };
  return { ok: true, value: { verdict, pack, ...words } };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/**
 * Per-tab verdicts, kept in session storage so they survive the MV3 service worker being stopped
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * Closed tabs' verdicts are dropped when the next one is stored, not when a tab closes: a
 * listener for every closed tab would wake the worker for tabs that never had a verdict.
 */
function createVerdictStore(browser: Browser) {
  const key = verdictKey;
  const area = browser.storage.session;
  const forgetClosedTabs = async () => {
    const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
    const stored = Object.keys(await area.get(null));
    const closed = stored.filter((name) => {
      const tabId = tabOfVerdictKey(name);
      return tabId !== null && !open.has(tabId);
    });
    if (closed.length > 0) await area.remove(closed);
  };
  return {
    async get(tabId: number): Promise<Verdict | null> {
      const stored = await area.get(key(tabId));
      return (stored[key(tabId)] as Verdict | null | undefined) ?? null;
    },
    async set(tabId: number, verdict: Verdict | null) {
      await area.set({ [key(tabId)]: verdict });
      await forgetClosedTabs();
    },
    delete: (tabId: number) => area.remove(key(tabId)),
  };
}
