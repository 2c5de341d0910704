/**
 * Starts Debian's Firefox ESR headless with the built Firefox extension installed, driven by
 * puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox). Never downloads a
 * browser: the executable is `/usr/bin/firefox-esr` or `$FIREFOX_PATH`.
 *
 * Firefox has no `--host-resolver-rules`, so pages keep their real addresses another way: the
 * fixture server is also Firefox's HTTP proxy. A proxied request carries the full address
 * (`GET http://www.nbcnews.com/news/...`), which the server routes like any other, so the page's
 * `location` is its real address and recognition can give the address-based verdict.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** The built Firefox extension. */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

/** Firefox's path: `$FIREFOX_PATH` or Debian's `firefox-esr`. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** Whether a Firefox executable is where {@link firefoxPath} says. */
export function hasFirefox(): boolean {
  return existsSync(firefoxPath());
}

/**
 * Preferences that send every http request to the local server at `proxyPort` and keep Firefox
 * from upgrading `http://` addresses to https or reaching out to Mozilla's services.
 */
export function proxyPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'dom.security.https_first': false,
    'dom.security.https_first_pbm': false,
    'dom.security.https_only_mode': false,
    'browser.fixup.fallback-to-https': false,
  };
}

/** The add-on id in the Firefox build's manifest (`wxt.config.ts`). */
const ADDON_ID = 'backstory@backstory.invalid';
/**
 * The extension's address in this test browser: Firefox gives each installed extension a random
 * `moz-extension://` host, unless its preferences name one (`extensions.webextensions.uuids`).
 */
const EXTENSION_HOST = '0b5a1d6e-3c1f-4d2a-9e7b-5f4c3a2b1d0e';

/** Firefox with Backstory installed. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reports for the installed extension. */
  extensionId: string;
  /** The address of one of the extension's pages (`sidepanel.html`). */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Launches headless Firefox, proxied to `proxyPort`, and installs the built extension. */
export async function launchFirefoxWithExtension(options: {
  proxyPort: number;
}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`,
    );
  }
  if (!hasFirefox()) {
    throw new Error(
      `Firefox not found at ${firefoxPath()}. Install Debian's: sudo apt-get install -y firefox-esr`,
    );
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets the tests open the extension's own pages (its sidebar page) in a tab: WebDriver BiDi
    // refuses `moz-extension://` addresses without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...proxyPrefs(options.proxyPort),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_HOST }),
    },
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return {
      browser,
      extensionId,
      extensionUrl: (path) => `moz-extension://${EXTENSION_HOST}/${path.replace(/^\//, '')}`,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
