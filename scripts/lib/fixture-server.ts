/**
 * Serves saved pages at the addresses they really live at: a request's Host header and path pick
 * the file, and Chromium's `--host-resolver-rules` sends those hosts to this server. Used by the
 * browser tests, the demo and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page to serve: its address (scheme ignored), its HTML and any extra response headers. */
export interface ServedPage {
  url: string;
  html: string;
  /** Sent with the page, e.g. a `Content-Security-Policy` for hostile-page tests. */
  headers?: Record<string, string>;
  /** Answered this many ms late: a slow resource that holds the page's load event back. */
  delayMs?: number;
}

/** A running fixture server. */
export interface FixtureServer {
  port: number;
  /** Hosts served, for `--host-resolver-rules`. */
  hosts: string[];
  /** The Chromium flag that maps every served host to this server. */
  hostResolverRules: string;
  /** The address to open in the browser for a page (plain http, same host and path). */
  localUrl(url: string): string;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 for `pages`, on a free port. */
export async function startFixtureServer(pages: readonly ServedPage[]): Promise<FixtureServer> {
  const routes = new Map<string, ServedPage>();
  for (const page of pages) routes.set(routeKey(new URL(page.url)), page);
  const hosts = [...new Set(pages.map((page) => new URL(page.url).host))];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const page = routes.get(routeKey(url));
    response.setHeader('Cache-Control', 'no-store');
    if (page === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const answer = () =>
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers })
        .end(page.html);
    if (page.delayMs) setTimeout(answer, page.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts,
    hostResolverRules: hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', '),
    localUrl: (url) => {
      const parsed = new URL(url);
      return `http://${parsed.host}${parsed.pathname}${parsed.search}${parsed.hash}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Reads a file as a page's HTML. */
export function pageFile(path: string): string {
  return readFileSync(path, 'utf8');
}

function routeKey(url: URL): string {
  return `${url.host}${url.pathname}`;
}
