/// <reference types="chrome" />
/**
 * Starts Debian's Chromium with the built extension loaded, the way the browser tests, the demo
 * and the benchmark all need it. Never downloads a browser: the executable is `/usr/bin/chromium`
 * or `$CHROMIUM_PATH`.
 */
import { recognizerMatches } from '../../utils/background/registration';
import { SITE, type SiteScope } from '../../utils/site-scope';
import type { Looks } from '../../utils/page/recognizer';
import { evaluateInExtensionWorld } from './isolated-world';
import { attachToSidePanel, type SidePanelSession } from './side-panel';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';

/** The built Chrome extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Chromium's path: `$CHROMIUM_PATH` or Debian's. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's: sudo apt-get install -y chromium`,
    );
  }
  return path;
}

/** Flags for a quiet, offline Chromium: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with Backstory loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Presses the toolbar button for the tab showing `page` (a real action click, via CDP). */
  clickToolbarButton(page: Page): Promise<void>;
  /** Waits for the browser's side panel to open and attaches to it (see `side-panel.ts`). */
  sidePanel(timeoutMs?: number): Promise<SidePanelSession>;
  /** The browser's id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar button's title and badge for the tab showing `page`. */
  actionState(page: Page): Promise<{ title: string; badge: string }>;
  /**
   * What the recognizer recorded in its isolated world (see `LOOKS` in utils/page/recognizer.ts):
   * null until its first look is done.
   */
  looks(page: Page): Promise<Looks | null>;
  /**
   * Waits until the recognizer has looked at `page` and the background has its verdict (a page
   * with none tells the background nothing), and returns that verdict; throws after `timeoutMs`.
   */
  recognized(page: Page, timeoutMs?: number): Promise<{ kind: string; evidence: unknown } | null>;
  /** The verdict the page reported (null: none reported). */
  reportedVerdict(page: Page): Promise<{ kind: string; evidence: unknown } | null>;
  /** Stores the reader's settings as the options page would (keys left out take their defaults). */
  storeSettings(settings: object): Promise<void>;
  close(): Promise<void>;
}

/** Settings under which the panel opens only when asked (launcher, toolbar, keyboard). */
export const OPEN_BY_HAND = { autoOpen: { article: false, version: false, related: false } };

/** Launches Chromium with the extension; `headless` defaults to true unless a display exists. */
export async function launchWithExtension(
  options: {
    hostResolverRules?: string;
    headless?: boolean;
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** Device pixels per CSS pixel, for sharper screenshots. */
    deviceScaleFactor?: number;
  } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    ...CHROMIUM_FLAGS,
    '--enable-unsafe-extension-debugging',
  ];
  if (options.hostResolverRules) args.push(`--host-resolver-rules=${options.hostResolverRules}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? !process.env.DISPLAY,
    args,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const browserHandle = context.browser();
  if (!browserHandle) throw new Error('Chromium gave no browser handle for CDP');
  const browserSession: CDPSession = await browserHandle.newBrowserCDPSession();

  const tabId = (page: Page) =>
    worker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return (
        tabs.find((tab) => tab.url === url)?.id ??
        (await chrome.tabs.query({ active: true }))[0]?.id
      );
    }, page.url());

  // The background registers the script on every page when it is installed.
  await untilRegistered(worker, recognizerMatches(siteScope({})));
  const browser: ExtensionBrowser = {
    context,
    worker,
    extensionId,
    async clickToolbarButton(page) {
      // Tab targets are hidden from Target.getTargets unless asked for by type.
      const { targetInfos } = (await browserSession.send('Target.getTargets', {
        filter: [{ type: 'tab' }],
      } as never)) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const target = targetInfos.find((info) => info.type === 'tab' && info.url === page.url());
      if (!target) throw new Error(`no browser target for ${page.url()}`);
      await browserSession.send(
        'Extensions.triggerAction' as never,
        { id: extensionId, targetId: target.targetId } as never,
      );
    },
    sidePanel: (timeoutMs) => attachToSidePanel(browserSession, extensionId, timeoutMs),
    async tabIdOf(page) {
      const id = await tabId(page);
      if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
      return id;
    },
    async actionState(page) {
      await page.bringToFront();
      const id = await tabId(page);
      return worker.evaluate(
        async (tab) => ({
          title: await chrome.action.getTitle({ tabId: tab }),
          badge: await chrome.action.getBadgeText({ tabId: tab }),
        }),
        id,
      );
    },
    looks: (page) =>
      evaluateInExtensionWorld<Looks | null>(
        page,
        extensionId,
        `globalThis[Symbol.for('backstory.looks')] ?? null`,
      ).then((looks) => looks ?? null),
    async recognized(page, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const looks = await browser.looks(page).catch(() => null);
        if (looks) {
          const verdict = await browser.reportedVerdict(page);
          if ((verdict?.kind ?? null) === looks.verdict) return verdict;
        }
        if (Date.now() > deadline) throw new Error(`Backstory did not recognize ${page.url()}`);
        await page.waitForTimeout(50);
      }
    },
    async reportedVerdict(page) {
      await page.bringToFront();
      const id = await tabId(page);
      return worker.evaluate(async (tab) => {
        const key = `verdict:${tab}`;
        const stored = await chrome.storage.session.get(key);
        // A page reports only a verdict, not its absence: nothing stored is none too.
        return (stored[key] as { kind: string; evidence: unknown } | null | undefined) ?? null;
      }, id);
    },
    async storeSettings(settings) {
      await worker.evaluate(
        (value) => chrome.storage.local.set({ settings: value }),
        settings as Record<string, unknown>,
      );
      // The background registers the script on every page anew for the sites they allow.
      await untilRegistered(worker, recognizerMatches(siteScope(settings)));
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return browser;
}

/**
 * Waits until the extension's script on every page is registered for `where` (null: for no
 * site), as the background registers it from the settings.
 */
async function untilRegistered(
  worker: Worker,
  where: { matches: string[]; excludeMatches: string[] } | null,
): Promise<void> {
  // The browser may give the patterns back in another order.
  const sorted = (list: string[]) => [...list].sort();
  const wanted = JSON.stringify(
    where && { matches: sorted(where.matches), excludeMatches: sorted(where.excludeMatches) },
  );
  let now = '';
  for (let tries = 0; tries < 200; tries++) {
    now = await worker.evaluate(async () => {
      const [script] = await chrome.scripting.getRegisteredContentScripts({ ids: ['recognizer'] });
      return JSON.stringify(
        script
          ? {
              matches: [...(script.matches ?? [])].sort(),
              excludeMatches: [...(script.excludeMatches ?? [])].sort(),
            }
          : null,
      );
    });
    if (now === wanted) return;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`the page script was not registered for ${wanted} (it is: ${now})`);
}

/** The sites that settings written by a test allow, read as `parseSettings` reads them. */
function siteScope(settings: object): SiteScope {
  const { scope, onlySites, quietSites } = settings as Record<string, unknown>;
  const sites = (value: unknown) =>
    Array.isArray(value) && value.every((site) => typeof site === 'string' && SITE.test(site))
      ? (value as string[])
      : [];
  return {
    scope: scope === 'listed' ? 'listed' : 'everywhere',
    onlySites: sites(onlySites),
    quietSites: sites(quietSites),
  };
}
