/**
 * The floor: the least an extension that looks at every page's text can cost. Manifest V3, one
 * content script on http(s) pages, top frame, `document_idle`, whose whole code reads
 * `document.body.textContent` once. No service worker: the benchmark computes its id from its
 * path (see `extensionIdFor`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Options for a floor-like extension. */
export interface FloorOptions {
  /**
   * Only for checking the harness: busy-wait this long (ms, by `performance.now`) before reading
   * the text, so the measured cost is known in advance. 0 (the floor itself) by default.
   */
  burnMs?: number;
  /** The extension's name in its manifest (default "Floor"). */
  name?: string;
  /**
   * Only for checking the harness: time the read with `performance.now` and leave the ms in
   * `<html data-floor-ms>`, to set beside what the profiler says.
   */
  recordMs?: boolean;
}

/** Writes a floor extension to a new temporary directory and returns the directory. */
export function writeFloorExtension(options: FloorOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-floor-'));
  const manifest = {
    manifest_version: 3,
    name: options.name ?? 'Floor',
    version: '1.0.0',
    description: 'Reads document.body.textContent once per page, and nothing else.',
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        run_at: 'document_idle',
        all_frames: false,
        js: ['content.js'],
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(dir, 'content.js'),
    floorScript(options.burnMs ?? 0, options.recordMs ?? false),
  );
  return dir;
}

/** The floor's content script: one read of the page's text (and the checking options). */
function floorScript(burnMs: number, recordMs: boolean): string {
  const lines = ['let textLength = document.body.textContent.length;'];
  if (recordMs) {
    lines.unshift('const readStart = performance.now();');
    lines.push('document.documentElement.dataset.floorMs = String(performance.now() - readStart);');
  }
  if (burnMs > 0) {
    lines.unshift(
      `const burnStart = performance.now();`,
      `while (performance.now() - burnStart < ${burnMs});`,
    );
  }
  return `${lines.join('\n')}\n`;
}
