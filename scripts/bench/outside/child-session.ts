/**
 * CDP sessions to targets attached through a Playwright session in non-flat mode: Playwright's
 * `CDPSession` cannot address flat child sessions, and browser-level auto-attach only does flat
 * mode, so the worker watch attaches from an extension page's session instead and talks to the
 * worker with `Target.sendMessageToTarget`.
 */
import type { CDPSession } from '@playwright/test';

/** A CDP error reply from a child target. */
export class ChildCommandError extends Error {
  constructor(
    readonly method: string,
    readonly reply: unknown,
  ) {
    super(`${method} failed: ${JSON.stringify(reply)}`);
    this.name = 'ChildCommandError';
  }
}

/** A session with one child target. */
export interface ChildSession {
  readonly sessionId: string;
  /**
   * Sends a command and resolves with its result. A stopped worker holds commands until its next
   * start, so a command unanswered after `timeoutMs` (default 10 s) fails.
   */
  send(method: string, params?: object, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Listens to one event method of the child. */
  on(method: string, handler: (params: Record<string, unknown>) => void): void;
}

interface Reply {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: unknown;
}

/** Routes the child messages arriving on `parent` to child sessions made with `child()`. */
export function childSessions(parent: CDPSession): (sessionId: string) => ChildSession {
  let nextId = 1;
  const pending = new Map<number, { resolve: (reply: Reply) => void; sessionId: string }>();
  const handlers = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  parent.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id !== undefined) {
      pending.get(reply.id)?.resolve(reply);
      pending.delete(reply.id);
    } else if (reply.method) {
      const key = `${event.sessionId}:${reply.method}`;
      for (const handler of handlers.get(key) ?? []) handler(reply.params ?? {});
    }
  });
  // A target that goes away never answers: fail what was still waiting on it.
  parent.on('Target.detachedFromTarget', ({ sessionId }) => {
    for (const [id, waiting] of pending) {
      if (waiting.sessionId !== sessionId) continue;
      pending.delete(id);
      waiting.resolve({ id, error: 'target detached' });
    }
  });
  return (sessionId) => ({
    sessionId,
    async send(method, params = {}, timeoutMs = 10_000) {
      const id = nextId++;
      const replied = new Promise<Reply>((resolve) => pending.set(id, { resolve, sessionId }));
      const timer = setTimeout(() => {
        pending.get(id)?.resolve({ id, error: `no reply in ${timeoutMs} ms` });
        pending.delete(id);
      }, timeoutMs);
      const message = JSON.stringify({ id, method, params });
      try {
        await parent.send('Target.sendMessageToTarget', { sessionId, message });
      } catch (error) {
        clearTimeout(timer);
        pending.delete(id);
        throw error;
      }
      const reply = await replied.finally(() => clearTimeout(timer));
      if (reply.error !== undefined) throw new ChildCommandError(method, reply.error);
      return reply.result ?? {};
    },
    on(method, handler) {
      const key = `${sessionId}:${method}`;
      handlers.set(key, [...(handlers.get(key) ?? []), handler]);
    },
  });
}
