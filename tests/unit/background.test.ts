import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storyEntry } from '../../utils/packs/catalogue';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { PANEL_SCRIPT, startBackground, STORY_SCRIPT } from '../../utils/background/controller';
import { RECOGNIZER_ID, recognizerMatches } from '../../utils/background/registration';
import type { Verdict } from '../../utils/recognition/verdict';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { realLibrary, addressVerdict } from './helpers';

const TAB = 7;
const { source, pack } = realLibrary();
const EVERYWHERE = {
  ...DEFAULT_SETTINGS,
  scope: 'everywhere',
  onlySites: [],
  quietSites: [],
  language: 'auto',
} satisfies Settings;
const verdict = addressVerdict('article', pack.id);
const self = () => ({ id: fakeBrowser.runtime.id, tab: { id: TAB } });

/**
 * The fake browser with the APIs it lacks stubbed: a tab whose page has or has not the panel
 * script, and has or has not the story script (`story`: the verdict it holds, or 'absent').
 */
function setup({
  panelInjected,
  story = verdict,
  panelIn = 'page',
  restricted = false,
}: {
  panelInjected: boolean;
  story?: Verdict | null | 'absent';
  /** Where the reader chose the panel to open. */
  panelIn?: 'page' | 'side-panel';
  /** The tab shows a page no extension may script (the browser's own pages, a web store). */
  restricted?: boolean;
}) {
  fakeBrowser.reset();
  let injected = panelInjected;
  let storyVerdict = story === 'absent' ? undefined : story;
  // What reached a panel script (a message to a tab without one fails).
  const delivered: { type: string }[] = [];
  const sendMessage = vi.fn(async (_tabId: number, message: { type: string }) => {
    if (message.type === 'story:verdict') {
      if (storyVerdict === undefined) throw new Error('Receiving end does not exist.');
      return { ok: true, value: { verdict: storyVerdict } };
    }
    // Only the story script listens: it answers nothing to the panel's messages.
    if (!injected && storyVerdict !== undefined) return undefined;
    if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
    delivered.push(message);
    return { ok: true, value: { open: message.type === 'panel:show' } };
  });
  // Injecting takes a while, as it does in a browser.
  const executeScript = vi.fn(async ({ files }: { files: string[] }) => {
    await new Promise((done) => setTimeout(done, 5));
    if (restricted) throw new Error('Cannot access contents of the page.');
    if (files.includes(PANEL_SCRIPT)) injected = true;
    if (files.includes(STORY_SCRIPT)) storyVerdict = null;
    return [];
  });
  // The registered content scripts, as the browser keeps them.
  let registered: { id: string; matches?: string[]; excludeMatches?: string[] }[] = [];
  const scripting = {
    executeScript,
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
      registered.filter((script) => ids.includes(script.id)),
    ),
    registerContentScripts: vi.fn(async (scripts: typeof registered) => {
      registered.push(...scripts);
    }),
    updateContentScripts: vi.fn(async (scripts: typeof registered) => {
      registered = registered.map((old) => scripts.find((s) => s.id === old.id) ?? old);
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((script) => !ids.includes(script.id));
    }),
  };
  let settingsListener: ((settings: Settings) => void) | null = null;
  // Chrome's side panel: what the browser was told, and whether it lets one open.
  const sidePanel = {
    setPanelBehavior: vi.fn(async (_behavior: { openPanelOnActionClick: boolean }) => {}),
    open: vi.fn(async (_options: { windowId: number }) => {}),
  };
  // The tabs open in the browser (the fake one starts with none).
  const openTabs = new Set([TAB]);
  const query = vi.fn(async () => [...openTabs].map((id) => ({ id })));
  const browser = fakeBrowser as unknown as WxtBrowser;
  Object.assign(browser.tabs, { sendMessage, query });
  // (`resetState`: the fake browser resets every API it holds between tests.)
  Object.assign(browser, { scripting, sidePanel: { ...sidePanel, resetState: () => {} } });
  // The settings in storage (the background reads them as it starts).
  const readSettings = vi.fn(() => Promise.resolve<Settings>({ ...EVERYWHERE, panelIn }));
  const controller = startBackground({
    browser,
    library: source,
    pack: (id) => Promise.resolve(id === pack.id ? pack : null),
    stories: () => Promise.resolve([storyEntry(pack)]),
    translation: () => Promise.resolve(null),
    messages: () => Promise.resolve(null),
    settings: readSettings,
    watchSettings: (onChange) => (settingsListener = onChange),
  });
  const changeSettings = (settings: Settings) => settingsListener?.(settings);
  const registeredNow = () => registered;
  return {
    controller,
    readSettings,
    sendMessage,
    executeScript,
    delivered,
    changeSettings,
    sidePanel,
    registeredNow,
    openTabs,
  };
}

describe('background', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['article', 'Backstory: this article', '✓'],
    ['version', 'Backstory: a version of this article', '✓'],
    ['related', 'Backstory: related coverage', '~'],
    [null, 'Backstory: nothing for this page', ''],
  ] as const)('a %s verdict sets the title "%s" and badge "%s"', async (kind, title, badge) => {
    const { controller } = setup({ panelInjected: false });
    const reported = kind ? { ...verdict, kind } : null;
    await controller.handleMessage({ type: 'verdict:report', verdict: reported }, self());
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe(title);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(badge);
  });

  it.each([
    ['a toggle', 'opens it', { type: 'panel:show', focus: true }],
    ['the page going idle (prepare)', 'draws it hidden', { type: 'panel:prepare' }],
  ] as const)(
    'injects the panel on %s, which %s; the next press toggles it',
    async (_request, _what, first) => {
      const { controller, sendMessage, executeScript } = setup({ panelInjected: false });
      await controller.handleMessage({ type: 'verdict:report', verdict }, self());
      if (first.type === 'panel:prepare') await controller.handleMessage(first, self());
      else await controller.toggle(TAB);
      expect(executeScript).toHaveBeenCalledWith({
        target: { tabId: TAB, frameIds: [0] },
        files: [PANEL_SCRIPT],
        injectImmediately: true,
      });
      expect(sendMessage).toHaveBeenLastCalledWith(TAB, first, { frameId: 0 });
      await controller.toggle(TAB);
      expect(executeScript).toHaveBeenCalledTimes(1);
      expect(sendMessage).toHaveBeenLastCalledWith(TAB, { type: 'panel:toggle' }, { frameId: 0 });
    },
  );

  it('injects the panel once when a press comes while it is being prepared', async () => {
    const { controller, executeScript, delivered } = setup({ panelInjected: false });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    await Promise.all([
      controller.handleMessage({ type: 'panel:prepare' }, self()),
      controller.toggle(TAB),
      controller.handleMessage({ type: 'panel:open' }, self()),
    ]);
    expect(executeScript).toHaveBeenCalledTimes(1);
    // The presses reached the freshly injected panel as opens, never as a toggle that could
    // close what the other press opened.
    expect(delivered).toEqual([
      { type: 'panel:prepare' },
      { type: 'panel:show', focus: true },
      { type: 'panel:show', focus: true },
    ]);
  });

  it('prepares nothing on a page without a verdict', async () => {
    const { controller, sendMessage, executeScript } = setup({ panelInjected: false, story: null });
    await controller.handleMessage({ type: 'verdict:report', verdict: null }, self());
    expect(await controller.handleMessage({ type: 'panel:prepare' }, self())).toEqual({
      ok: true,
      value: null,
    });
    expect(sendMessage).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('opening by itself (settings) leaves focus on the page; the launcher moves it', async () => {
    const { controller, sendMessage } = setup({ panelInjected: true });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    await controller.handleMessage({ type: 'panel:open', auto: true }, self());
    expect(sendMessage).toHaveBeenLastCalledWith(
      TAB,
      { type: 'panel:show', focus: false },
      { frameId: 0 },
    );
    await controller.handleMessage({ type: 'panel:open' }, self());
    expect(sendMessage).toHaveBeenLastCalledWith(
      TAB,
      { type: 'panel:show', focus: true },
      { frameId: 0 },
    );
  });

  it('takes the panel off a page the story left (client-side navigation)', async () => {
    const { controller, sendMessage } = setup({ panelInjected: true });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    await controller.handleMessage({ type: 'verdict:report', verdict: null }, self());
    expect(sendMessage).toHaveBeenLastCalledWith(TAB, { type: 'panel:close' }, { frameId: 0 });
    sendMessage.mockClear();
    await controller.handleMessage({ type: 'verdict:report', verdict: null }, self());
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('a toolbar press (or its keyboard command) on a page with a verdict opens the panel there', async () => {
    const { controller, executeScript } = setup({ panelInjected: false });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    await fakeBrowser.action.onClicked.trigger({ id: TAB } as never, undefined as never);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
  });

  describe('in the browser’s side panel', () => {
    const sidePanelPage = () => ({
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/sidepanel.html'),
    });
    const launcherPress = { type: 'panel:open', sidePanel: true } as const;
    const inWindow = () => ({ id: fakeBrowser.runtime.id, tab: { id: TAB, windowId: 3 } });

    it('Chrome opens its side panel on a press only while the reader chose it', async () => {
      const { sidePanel, changeSettings } = setup({ panelInjected: false, panelIn: 'side-panel' });
      await vi.waitFor(() =>
        expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({
          openPanelOnActionClick: true,
        }),
      );
      changeSettings({ ...EVERYWHERE, panelIn: 'page' });
      expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({
        openPanelOnActionClick: false,
      });
    });

    it('the launcher opens it in the reader’s gesture, before anything is awaited', async () => {
      const { controller, sidePanel, executeScript } = setup({
        panelInjected: false,
        panelIn: 'side-panel',
      });
      await controller.handleMessage({ type: 'verdict:report', verdict }, self());
      const handled = controller.handleMessage(launcherPress, inWindow());
      expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
      await handled;
      expect(executeScript).not.toHaveBeenCalled();
    });

    it('opens the panel on the page where the browser refuses the side panel', async () => {
      const { controller, sidePanel, executeScript } = setup({
        panelInjected: false,
        panelIn: 'side-panel',
      });
      sidePanel.open.mockRejectedValueOnce(new Error('may only be called in a user gesture'));
      await controller.handleMessage({ type: 'verdict:report', verdict }, self());
      await controller.handleMessage(launcherPress, inWindow());
      expect(executeScript).toHaveBeenCalledWith({
        target: { tabId: TAB, frameIds: [0] },
        files: [PANEL_SCRIPT],
        injectImmediately: true,
      });
    });

    it('Firefox: a toolbar press toggles the sidebar', async () => {
      const { executeScript } = setup({ panelInjected: false, panelIn: 'side-panel' });
      const sidebarAction = { open: vi.fn(async () => {}), toggle: vi.fn(async () => {}) };
      // Firefox has a sidebar, and no `sidePanel`.
      const firefox = fakeBrowser as unknown as Record<string, unknown>;
      delete firefox.sidePanel;
      firefox.sidebarAction = { ...sidebarAction, resetState: () => {} };
      // The settings are read when the background starts.
      await new Promise((done) => setTimeout(done, 0));
      await fakeBrowser.action.onClicked.trigger(
        { id: TAB, windowId: 3 } as never,
        undefined as never,
      );
      expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
      expect(executeScript).not.toHaveBeenCalled();
      delete firefox.sidebarAction;
    });

    it('gives the side panel the data of the tab it names; a content script gets its own', async () => {
      const { controller } = setup({ panelInjected: false, panelIn: 'side-panel' });
      await controller.handleMessage({ type: 'verdict:report', verdict }, self());
      expect(
        await controller.handleMessage({ type: 'panel:data', tabId: TAB }, sidePanelPage()),
      ).toMatchObject({ ok: true, value: { verdict, pack: { id: pack.id } } });
      expect(
        await controller.handleMessage({ type: 'panel:data', tabId: 99 }, sidePanelPage()),
      ).toMatchObject({ ok: true, value: { verdict: null } });
      // A page cannot ask for another tab's verdict.
      expect(
        await controller.handleMessage({ type: 'panel:data', tabId: 99 }, self()),
      ).toMatchObject({ ok: true, value: { verdict } });
    });

    it('carries its requests to the page, injecting the panel script where it is missing', async () => {
      const { controller, executeScript, delivered } = setup({ panelInjected: false });
      const request = { type: 'page:quotes', quotes: ['a quote'] };
      const reply = await controller.handleMessage(
        { type: 'panel:page', tabId: TAB, message: request },
        sidePanelPage(),
      );
      expect(reply).toMatchObject({ ok: true });
      expect(executeScript).toHaveBeenCalledTimes(1);
      expect(delivered).toEqual([request]);
      // Only the side panel may: a page cannot reach another tab through the background.
      expect(
        await controller.handleMessage({ type: 'panel:page', tabId: 1, message: request }, self()),
      ).toEqual({ ok: false, error: 'malformed message' });
    });

    it('says so when the page in the tab cannot be reached', async () => {
      const { controller } = setup({ panelInjected: false, restricted: true });
      const reply = await controller.handleMessage(
        { type: 'panel:page', tabId: TAB, message: { type: 'page:clear' } },
        sidePanelPage(),
      );
      expect(reply).toEqual({ ok: false, error: 'the page in this tab cannot be reached' });
    });
  });

  it('a press on a page without a verdict opens the panel that lists the stories it knows', async () => {
    const { controller, executeScript } = setup({ panelInjected: false, story: null });
    await controller.handleMessage({ type: 'verdict:report', verdict: null }, self());
    // The launcher (or the settings) opens nothing there: only a press of the reader's does.
    await controller.handleMessage({ type: 'panel:open' }, self());
    expect(executeScript).not.toHaveBeenCalled();
    await controller.toggle(TAB);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: TAB, frameIds: [0] },
      files: [PANEL_SCRIPT],
      injectImmediately: true,
    });
    expect(await controller.handleMessage({ type: 'panel:data' }, self())).toEqual({
      ok: true,
      value: {
        verdict: null,
        stories: [storyEntry(pack)],
        language: { ui: 'en', content: 'en' },
        messages: null,
      },
    });
  });

  it.each([
    ['a page the gate stopped (no story script)', 'absent'],
    ['a page past the gate with no verdict', null],
  ] as const)(
    'a press after the tab navigated to %s forgets the old verdict and says there is nothing',
    async (_page, story) => {
      const { controller } = setup({ panelInjected: false, story });
      // The verdict of the page before: a page reports only verdicts, not their absence.
      await controller.handleMessage({ type: 'verdict:report', verdict }, self());
      await controller.toggle(TAB);
      expect(await controller.verdictFor(TAB)).toBeNull();
      expect(await controller.handleMessage({ type: 'panel:data' }, self())).toMatchObject({
        ok: true,
        value: { verdict: null },
      });
    },
  );

  describe('a page the gate let through', () => {
    const suspect = (names: string[], addresses: string[] = [], loaded = false) =>
      ({ type: 'page:suspect', names, addresses, loaded }) as const;

    it('gets the packs two of whose names it has and the settings, the story script injected at once (not after the page’s load)', async () => {
      const { controller, executeScript } = setup({ panelInjected: false, story: 'absent' });
      const reply = await controller.handleMessage(suspect(['putin', 'almaty']), self());
      expect(reply).toMatchObject({
        ok: true,
        value: { packs: [{ id: pack.id }], settings: { ...EVERYWHERE, panelIn: 'page' } },
      });
      expect(executeScript).toHaveBeenCalledWith({
        target: { tabId: TAB, frameIds: [0] },
        files: [STORY_SCRIPT],
        injectImmediately: true,
      });
    });

    it('answers with the settings read as the worker started, and with a change once made', async () => {
      const { controller, readSettings, changeSettings } = setup({
        panelInjected: false,
        story: 'absent',
      });
      await controller.handleMessage(suspect(['putin', 'almaty']), self());
      await controller.handleMessage(suspect(['putin', 'almaty']), self());
      expect(readSettings).toHaveBeenCalledTimes(1);
      changeSettings({ ...EVERYWHERE, panelIn: 'page', language: 'de' });
      expect(await controller.handleMessage(suspect(['putin', 'almaty']), self())).toMatchObject({
        ok: true,
        value: { settings: { language: 'de' } },
      });
      expect(readSettings).toHaveBeenCalledTimes(1);
    });

    it('answers without waiting for the injection to end, and a failed one breaks nothing', async () => {
      const { controller, executeScript } = setup({ panelInjected: false, story: 'absent' });
      executeScript.mockImplementationOnce(() => new Promise(() => {}));
      const reply = await controller.handleMessage(suspect(['putin', 'almaty']), self());
      expect(reply).toMatchObject({ ok: true, value: { packs: [{ id: pack.id }] } });

      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page.'));
      const failed = await controller.handleMessage(suspect(['putin', 'almaty']), self());
      expect(failed).toMatchObject({ ok: true, value: { packs: [{ id: pack.id }] } });
      await vi.waitFor(() => expect(warn).toHaveBeenCalled());
      warn.mockRestore();
    });

    it('gets the pack whose article lives at its address', async () => {
      const { controller } = setup({ panelInjected: false, story: 'absent' });
      const address =
        'nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856';
      const reply = await controller.handleMessage(suspect([], [address]), self());
      expect(reply).toMatchObject({ ok: true, value: { packs: [{ id: pack.id }] } });
    });

    it.each([
      ['one name', ['putin']],
      ['two forms of one name', ['putin', 'путин*']],
      ['names no story has', ['zzyzx', 'qwerty']],
    ])('gets nothing, and no script, for %s', async (_what, names) => {
      const { controller, executeScript } = setup({ panelInjected: false, story: 'absent' });
      const reply = await controller.handleMessage(suspect(names), self());
      expect(reply).toMatchObject({ ok: true, value: { packs: [] } });
      expect(executeScript).not.toHaveBeenCalled();
    });

    it('does not inject the story script twice', async () => {
      const { controller, executeScript } = setup({ panelInjected: false, story: null });
      await controller.handleMessage(suspect(['putin', 'almaty'], [], true), self());
      expect(executeScript).not.toHaveBeenCalled();
    });

    it('rejects suspects that are not lists of short strings', async () => {
      const { controller } = setup({ panelInjected: false });
      for (const names of [[1, 2], 'putin', Array(100).fill('putin'), ['x'.repeat(3000)]]) {
        const reply = await controller.handleMessage({ ...suspect([]), names }, self());
        expect(reply).toEqual({ ok: false, error: 'malformed message' });
      }
    });
  });

  it('registers the script on every page when installed, where the settings say, to run once the document is parsed', async () => {
    const { changeSettings, registeredNow } = setup({ panelInjected: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() =>
      expect(registeredNow()).toEqual([
        expect.objectContaining({
          id: RECOGNIZER_ID,
          matches: ['http://*/*', 'https://*/*'],
          // Not `document_idle`, which the browser holds until the page's load event (or 200 ms).
          runAt: 'document_end',
        }),
      ]),
    );
    changeSettings({ ...EVERYWHERE, panelIn: 'page', quietSites: ['example.com'] });
    await vi.waitFor(() =>
      expect(registeredNow()[0]?.excludeMatches).toEqual([
        '*://example.com/*',
        '*://*.example.com/*',
      ]),
    );
    changeSettings({ ...EVERYWHERE, scope: 'listed', panelIn: 'page' });
    await vi.waitFor(() => expect(registeredNow()).toEqual([]));
  });

  it('gives the panel its verdict and pack, and nothing to strangers', async () => {
    const { controller } = setup({ panelInjected: true });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    const data = await controller.handleMessage({ type: 'panel:data' }, self());
    expect(data).toMatchObject({ ok: true, value: { verdict, pack: { id: pack.id } } });
    const stranger = await controller.handleMessage(
      { type: 'panel:data' },
      { id: 'another-extension', tab: { id: TAB } },
    );
    expect(stranger).toEqual({ ok: false, error: 'unknown sender' });
    const forged = await controller.handleMessage(
      { type: 'verdict:report', verdict: { kind: 'x' } },
      self(),
    );
    expect(forged).toEqual({ ok: false, error: 'malformed message' });
  });

  it('forgets closed tabs when it stores the next verdict', async () => {
    const { controller, openTabs } = setup({ panelInjected: false });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    expect(await controller.verdictFor(TAB)).toEqual(verdict);
    // The tab is closed; a verdict arrives from another.
    openTabs.delete(TAB);
    openTabs.add(8);
    await controller.handleMessage(
      { type: 'verdict:report', verdict },
      { ...self(), tab: { id: 8 } },
    );
    expect(await controller.verdictFor(TAB)).toBeNull();
    expect(await controller.verdictFor(8)).toEqual(verdict);
  });
});

describe('where the script on every page runs', () => {
  it.each([
    ['every site', EVERYWHERE, { matches: ['http://*/*', 'https://*/*'], excludeMatches: [] }],
    [
      'every site but a quiet one',
      { ...EVERYWHERE, quietSites: ['nytimes.com'] },
      {
        matches: ['http://*/*', 'https://*/*'],
        excludeMatches: ['*://nytimes.com/*', '*://*.nytimes.com/*'],
      },
    ],
    [
      'only the listed sites',
      { scope: 'listed', onlySites: ['nbcnews.com'], quietSites: [] },
      { matches: ['*://nbcnews.com/*', '*://*.nbcnews.com/*'], excludeMatches: [] },
    ],
    ['nowhere, when no site is listed', { scope: 'listed', onlySites: [], quietSites: [] }, null],
  ] as const)('%s', (_what, scope, expected) => {
    expect(
      recognizerMatches({
        ...scope,
        onlySites: [...scope.onlySites],
        quietSites: [...scope.quietSites],
      }),
    ).toEqual(expected);
  });
});
