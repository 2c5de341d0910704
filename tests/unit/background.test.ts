import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { PANEL_SCRIPT, startBackground, TOGGLE_COMMAND } from '../../utils/background/controller';
import { realPack, addressVerdict } from './helpers';

const TAB = 7;
const { pack } = realPack();
const verdict = addressVerdict('article', pack.id);
const self = () => ({ id: fakeBrowser.runtime.id, tab: { id: TAB } });

/** The fake browser with the APIs it lacks stubbed: a tab with or without the panel script. */
function setup({ panelInjected }: { panelInjected: boolean }) {
  fakeBrowser.reset();
  let injected = panelInjected;
  const commandListeners: ((command: string, tab?: { id?: number }) => void)[] = [];
  // What reached a panel script (a message to a tab without one fails).
  const delivered: { type: string }[] = [];
  const sendMessage = vi.fn(async (_tabId: number, message: { type: string }) => {
    if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
    delivered.push(message);
    return { ok: true, value: { open: message.type === 'panel:show' } };
  });
  // Injecting takes a while, as it does in a browser.
  const executeScript = vi.fn(async () => {
    await new Promise((done) => setTimeout(done, 5));
    injected = true;
    return [];
  });
  const browser = fakeBrowser as unknown as WxtBrowser;
  Object.assign(browser.tabs, { sendMessage });
  Object.assign(browser, {
    scripting: { executeScript },
    commands: {
      onCommand: {
        addListener: (fn: (typeof commandListeners)[number]) => commandListeners.push(fn),
      },
    },
  });
  const controller = startBackground({ browser, packs: [pack] });
  const pressCommand = (command: string) =>
    commandListeners.forEach((listener) => listener(command, { id: TAB }));
  return { controller, sendMessage, executeScript, pressCommand, delivered };
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
    const { controller, sendMessage, executeScript } = setup({ panelInjected: false });
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

  it('the keyboard command takes the same path as the toolbar button', async () => {
    const { controller, executeScript, pressCommand } = setup({ panelInjected: false });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    pressCommand('something-else');
    pressCommand(TOGGLE_COMMAND);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
  });

  it('does nothing on a page without a verdict', async () => {
    const { controller, sendMessage, executeScript } = setup({ panelInjected: false });
    await controller.handleMessage({ type: 'verdict:report', verdict: null }, self());
    await controller.toggle(TAB);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
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

  it('forgets a closed tab', async () => {
    const { controller } = setup({ panelInjected: false });
    await controller.handleMessage({ type: 'verdict:report', verdict }, self());
    expect(await controller.verdictFor(TAB)).toEqual(verdict);
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await controller.verdictFor(TAB)).toBeNull());
  });
});
