/**
 * One Chromium per measured extension, driven by Playwright, with only that extension loaded:
 * several stay open at once so the benchmark can alternate between them page by page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from '../../lib/chromium';
import { extensionIdFor, readManifest } from './manifest';

/** An extension to measure: a short name for the report and its unpacked directory. */
export interface ExtensionUnderTest {
  name: string;
  dir: string;
}

/** A running Chromium with one extension loaded. */
export interface OpenedExtension extends ExtensionUnderTest {
  /** The extension's id (computed from its directory, checked against its worker if it has one). */
  id: string;
  /** Whether the manifest declares a background service worker. */
  hasWorker: boolean;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with `extension` loaded and every host sent where `hostResolverRules`
 * says. Waits for the service worker when the manifest has one and checks that its address carries
 * the computed id.
 */
export async function openExtension(
  extension: ExtensionUnderTest,
  hostResolverRules: string,
): Promise<OpenedExtension> {
  const dir = resolve(extension.dir);
  const manifest = readManifest(dir);
  const id = extensionIdFor(dir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-outside-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--host-resolver-rules=${hostResolverRules}`,
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  const hasWorker = Boolean(manifest.background?.service_worker);
  if (hasWorker) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const workerId = new URL(worker.url()).host;
    if (workerId !== id) {
      await close();
      throw new Error(`${extension.name}: worker runs as ${workerId}, computed id ${id}`);
    }
    // An extension that registers its content scripts at run time (Backstory does, from the
    // reader's settings) does so once installed: wait for that, up to 5 s, before any visit.
    if ((manifest.content_scripts ?? []).length === 0) {
      for (let tries = 0; tries < 100; tries++) {
        const registered = await worker.evaluate(async () =>
          chrome.scripting ? (await chrome.scripting.getRegisteredContentScripts()).length : -1,
        );
        if (registered !== 0) break;
        await new Promise((done) => setTimeout(done, 50));
      }
    }
  }
  return { ...extension, dir, id, hasWorker, context, close };
}
