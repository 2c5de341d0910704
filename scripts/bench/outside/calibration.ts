/**
 * Extensions whose cost is known in advance, to check the outside harness against: the floor
 * with a busy-wait (`writeFloorExtension({ burnMs })`) and this one, whose content script sends
 * its worker exactly one runtime message per page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the one-message-per-page extension to a new temporary directory; returns it. */
export function writeChattyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-chatty-'));
  const manifest = {
    manifest_version: 3,
    name: 'Chatty',
    version: '1.0.0',
    description: 'Sends its worker one message per page.',
    background: { service_worker: 'worker.js' },
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], run_at: 'document_idle', js: ['content.js'] },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    join(dir, 'content.js'),
    "chrome.runtime.sendMessage({ type: 'page', length: document.body.textContent.length });\n",
  );
  writeFileSync(
    join(dir, 'worker.js'),
    'let pages = 0;\nchrome.runtime.onMessage.addListener(() => {\n  pages += 1;\n});\n',
  );
  return dir;
}
