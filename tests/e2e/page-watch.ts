/**
 * Watching a tab from a browser test, through the DevTools protocol so every JavaScript world is
 * seen (the page's and the content scripts' isolated worlds): uncaught errors, console errors, and
 * what the reader sees of the panel (its box, what is on top of it).
 */
import type { Page } from '@playwright/test';
import type { PanelPage } from './fixtures';

/** Errors seen in a tab: uncaught exceptions and console errors, from any world. */
export interface ErrorWatch {
  /** Each error as `message (url)`. */
  readonly errors: string[];
}

interface ExceptionThrown {
  exceptionDetails: { text: string; url?: string; exception?: { description?: string } };
}
interface ConsoleCalled {
  type: string;
  args: { value?: unknown; description?: string }[];
  stackTrace?: { callFrames: { url: string }[] };
}
interface LogEntry {
  entry: { level: string; source: string; text: string; url?: string };
}

/**
 * Starts recording errors in `page` (call it before navigating). Failed network loads (the
 * fixture server's 404 for /favicon.ico) are left out: they are not script errors.
 */
export async function watchErrors(page: Page): Promise<ErrorWatch> {
  const errors: string[] = [];
  const session = await page.context().newCDPSession(page);
  session.on('Runtime.exceptionThrown', (event: ExceptionThrown) => {
    const details = event.exceptionDetails;
    errors.push(`${details.exception?.description ?? details.text} (${details.url ?? ''})`);
  });
  session.on('Runtime.consoleAPICalled', (event: ConsoleCalled) => {
    if (event.type !== 'error' && event.type !== 'warning') return;
    const text = event.args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' ');
    errors.push(`${text} (${event.stackTrace?.callFrames[0]?.url ?? ''})`);
  });
  session.on('Log.entryAdded', ({ entry }: LogEntry) => {
    if (entry.level === 'error' && entry.source !== 'network') {
      errors.push(`${entry.text} (${entry.url ?? ''})`);
    }
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');
  return { errors };
}

/** The errors that came from the extension: anything naming its origin or Backstory. */
export function extensionErrors(watch: ErrorWatch): string[] {
  return watch.errors.filter((error) => /chrome-extension:\/\/|backstory/i.test(error));
}

/** The panel's box in the viewport, and the viewport's size. */
export async function panelBox(reader: PanelPage) {
  const box = await reader.panelHost.boundingBox();
  const viewport = reader.page.viewportSize();
  if (!box || !viewport) throw new Error('the panel has no box');
  return { ...box, viewport };
}

/**
 * The name of the topmost element at a point of the viewport, as the page's hit testing sees it
 * (a shadow host stands for everything in its shadow root). Runs in Playwright's own world, so a
 * page that breaks its globals cannot change the answer.
 */
export async function topmostAt(page: Page, x: number, y: number): Promise<string> {
  return page
    .locator(':root')
    .evaluate(
      (root, [px, py]) => root.ownerDocument.elementFromPoint(px!, py!)?.localName ?? 'none',
      [x, y],
    );
}

/**
 * The page's visible text (`document.body.innerText`) as its length and a hash, computed in the
 * page so a 10 MB page is not copied out twice.
 */
export function textDigest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const text = document.body.innerText;
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return `${text.length}:${(hash >>> 0).toString(16)}`;
  });
}
