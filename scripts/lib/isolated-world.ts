/**
 * Reaching Backstory's content scripts as the extension does: in their isolated world, through
 * the DevTools protocol. Playwright's `page.evaluate` runs in the page's own world, which (like
 * the page's scripts) cannot see what the content scripts keep there.
 */
import type { Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/**
 * Evaluates `expression` in the extension's isolated world of the page's top frame and returns
 * its value (JSON-serializable; a promise is awaited); undefined when the extension has no world
 * there yet. The extension is `extensionId`, or the one extension loaded when left out.
 */
export async function evaluateInExtensionWorld<T>(
  page: Page,
  extensionId: string | undefined,
  expression: string,
): Promise<T | undefined> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    session.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) =>
      contexts.push(event.context),
    );
    // Enabling the domain reports every context that exists now.
    await session.send('Runtime.enable');
    const { frameTree } = (await session.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    const world = contexts.find(
      (context) =>
        context.auxData?.type === 'isolated' &&
        context.auxData.frameId === frameTree.frame.id &&
        (extensionId === undefined
          ? context.origin.startsWith('chrome-extension://')
          : context.origin === `chrome-extension://${extensionId}`),
    );
    if (!world) return undefined;
    const { result, exceptionDetails } = (await session.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`in the extension's world: ${exceptionDetails.text}`);
    return result.value;
  } finally {
    await session.detach().catch(() => undefined);
  }
}
