import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isFromThisExtension,
  parseToStory,
  type MessageOf,
  type ToBackground,
} from '../../utils/messages';
import { createStory } from '../../utils/page/story';
import { provideStory } from '../../utils/page/story-handoff';
import { loadSettings, watchSettings, type Settings } from '../../utils/settings';

/**
 * The story script: injected by the background only into a page the page gate let through and
 * that may carry one of the packs. It judges the page with the engine and shows the verdict
 * (launcher, panel by itself or drawn ahead); the script on every page calls it.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Read when first needed: the page is usually told them with the background's answer.
    let settings: Promise<Settings> | null = null;
    const send = (message: MessageOf<ToBackground>) =>
      browser.runtime.sendMessage(message).catch((error: unknown) => {
        // The extension was reloaded or updated under this page: nothing to tell any more.
        if (ctx.isValid) console.warn('Backstory:', error);
      });
    const story = createStory({
      doc: document,
      send,
      settings: () => (settings ??= loadSettings()),
      signal: ctx.signal,
    });
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!parseToStory(raw) || !isFromThisExtension(sender, browser.runtime.id)) return undefined;
      return Promise.resolve({ ok: true, value: { verdict: story.verdict() } });
    };
    browser.runtime.onMessage.addListener(onMessage);
    const unwatch = watchSettings((next) => {
      settings = Promise.resolve(next);
      story.settingsChanged();
    });
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
    });
    provideStory(story);
  },
});
