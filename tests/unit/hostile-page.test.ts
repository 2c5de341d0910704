// @vitest-environment happy-dom
/**
 * What a hostile page can do to Backstory's elements on it, in happy-dom: define their names
 * first, forge the panel's open attribute, script clicks on the launcher, replace its body.
 * The same attacks run in Chromium in tests/e2e/page-messages.spec.ts and hostile-pages.spec.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { launcherWords } from '../../utils/i18n/launcher-words';
import { mountLauncher } from '../../utils/ui/launcher';
import { createShadowHost } from '../../utils/ui/shadow-host';
import { ARTICLE_COPY } from '../fixtures/hostile';
import { startTestRecognizer } from './recognizer-harness';
import { LOOKS, type Looks } from '../../utils/page/recognizer';

afterEach(() => {
  document.documentElement.querySelectorAll('[id^="test-"], body ~ *').forEach((el) => el.remove());
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A page's custom element that takes the shadow root first and logs what it sees. */
function definePageElement(name: string, log: string[]): void {
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        log.push('constructed');
        this.attachShadow({ mode: 'closed' });
      }
    },
  );
}

describe('createShadowHost', () => {
  it('uses the given element name when the page has not taken it', () => {
    const shadow = createShadowHost(document, 'backstory-free', ':host { display: block }');
    expect(shadow.host.localName).toBe('backstory-free');
    expect(shadow.host.parentElement).toBe(document.documentElement);
    // A closed shadow root: the page gets null, Backstory holds the root.
    expect(shadow.host.shadowRoot).toBeNull();
    expect(shadow.root.host).toBe(shadow.host);
    shadow.destroy();
    expect(shadow.host.isConnected).toBe(false);
  });

  it('takes another name when the page defined the name first', () => {
    const log: string[] = [];
    definePageElement('backstory-taken', log);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shadow = createShadowHost(document, 'backstory-taken', '');
    expect(shadow.host.localName).toMatch(/^backstory-taken-[a-z0-9]+$/);
    expect(shadow.root.host).toBe(shadow.host);
    shadow.destroy();
  });

  it('raises the host to the top layer as a manual popover where popovers exist', () => {
    const shown: Element[] = [];
    const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
    const showPopover = vi.fn(function (this: HTMLElement) {
      shown.push(this);
    });
    Object.assign(proto, { showPopover, hidePopover: vi.fn() });
    try {
      const shadow = createShadowHost(document, 'backstory-raised', '');
      expect(shadow.host.getAttribute('popover')).toBe('manual');
      expect(shown).toEqual([shadow.host]);
      shadow.destroy();
    } finally {
      delete proto.showPopover;
      delete proto.hidePopover;
    }
  });

  it('hides the backdrop a page could paint behind the top layer', () => {
    const shadow = createShadowHost(document, 'backstory-backdrop', '');
    const css = [...shadow.root.adoptedStyleSheets, ...shadow.root.querySelectorAll('style')]
      .map((sheet) =>
        'cssRules' in sheet
          ? [...sheet.cssRules].map((rule) => rule.cssText).join('\n')
          : sheet.textContent,
      )
      .join('\n');
    expect(css).toMatch(/:host::backdrop\s*\{\s*display:\s*none\s*!important/);
    shadow.destroy();
  });
});

describe('the launcher', () => {
  it('opens the panel on the reader’s click, not on a page script’s', () => {
    const onOpen = vi.fn();
    const launcher = mountLauncher(document, 'article', launcherWords('en'), onOpen);
    launcher.button.click();
    launcher.button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();

    // A click the browser made for a real pointer or key press is trusted.
    const trusted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    launcher.button.dispatchEvent(trusted);
    expect(onOpen).toHaveBeenCalledTimes(1);
    launcher.destroy();
  });
});

describe('the recognizer on a page that replaces document.body', () => {
  const storyBody = () => {
    const parsed = new DOMParser().parseFromString(ARTICLE_COPY, 'text/html');
    return document.importNode(parsed.body, true);
  };

  // What `document.body = body` does (happy-dom has no setter for it).
  const replaceBody = (body: HTMLElement) =>
    document.documentElement.replaceChild(body, document.body);

  it('checks again and shows the launcher when the story arrives in a new body', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: '…' }));
    const test = startTestRecognizer(document, 5);
    await test.recognizer.settled();
    // Nothing for this page: nothing sent.
    expect(test.sent).toEqual([]);

    replaceBody(storyBody());
    await vi.waitFor(() => expect(test.reports().at(-1)).toMatchObject({ kind: 'version' }));
    expect(document.querySelector('backstory-launcher')).not.toBeNull();

    replaceBody(document.createElement('body'));
    await vi.waitFor(() => expect(test.reports().at(-1)).toBeNull());
    expect(document.querySelector('backstory-launcher')).toBeNull();
    test.stop();
  });
});

describe('the recognizer on a page that never stops changing', () => {
  it('still looks again while a clock ticks faster than the debounce', async () => {
    const clock = document.createElement('span');
    document.body.replaceChildren(clock);
    const test = startTestRecognizer(document, 30);
    const ticking = setInterval(() => (clock.textContent = String(Date.now())), 5);
    const parsed = new DOMParser().parseFromString(ARTICLE_COPY, 'text/html');
    document.body.append(...[...parsed.body.children].map((el) => document.importNode(el, true)));
    await vi.waitFor(() => expect(test.reports().at(-1)).toMatchObject({ kind: 'version' }), {
      timeout: 1000,
    });
    clearInterval(ticking);
    test.stop();
  });

  it('finds the story when it arrives a paragraph at a time', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: '…' }));
    const test = startTestRecognizer(document, 5);
    await test.recognizer.settled();
    const parsed = new DOMParser().parseFromString(ARTICLE_COPY, 'text/html');
    const pieces = [...parsed.body.querySelectorAll('h1, p')];
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) {
      document.body.append(document.importNode(piece, true));
      await new Promise((done) => setTimeout(done, 20));
    }
    await vi.waitFor(() => expect(test.reports().at(-1)).toMatchObject({ kind: 'version' }), {
      timeout: 1000,
    });
    // The gate's suspect went out once the page could be the story, not at every look.
    expect(test.sent.filter((message) => message.type === 'page:suspect').length).toBeLessThan(
      pieces.length / 2,
    );
    test.stop();
  });

  it('keeps the verdict when the page changed while the extension was answering', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: '…' }));
    const test = startTestRecognizer(document, 5, 60);
    await test.recognizer.settled();
    const parsed = new DOMParser().parseFromString(ARTICLE_COPY, 'text/html');
    document.body.append(...[...parsed.body.children].map((el) => document.importNode(el, true)));
    // While the extension answers (and brings the story script), the page adds a line.
    await vi.waitFor(() =>
      expect(test.sent.some(({ type }) => type === 'page:suspect')).toBe(true),
    );
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Update.' }));
    await vi.waitFor(() => expect(test.reports().at(-1)).toMatchObject({ kind: 'version' }));
    await new Promise((done) => setTimeout(done, 100));
    await test.recognizer.settled();
    // The look that waited meanwhile does not record the page as one without a story.
    expect((globalThis as Record<symbol, Looks | undefined>)[LOOKS]?.verdict).toBe('version');
    test.stop();
  });
});
