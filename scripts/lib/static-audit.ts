/**
 * A static check of the built extension for what Backstory promises never to do (README, "Trust"):
 * no code from strings, no network APIs, no remote scripts, no HTML from strings, and a manifest
 * that gives web pages no way in. Run over `.output/<target>` by tests/e2e/static-audit.spec.ts;
 * the rules themselves are unit-tested in tests/unit/static-audit.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One thing the audit found: where, which rule, and the text around it. */
export interface AuditFinding {
  file: string;
  rule: string;
  excerpt: string;
}

/** A forbidden pattern in shipped code, and why. */
interface Rule {
  id: string;
  pattern: RegExp;
  why: string;
}

/** Patterns no shipped script or page may contain. */
export const RULES: readonly Rule[] = [
  { id: 'eval', pattern: /\beval\s*\(/g, why: 'code from strings' },
  { id: 'new-function', pattern: /\bnew\s+Function\s*\(/g, why: 'code from strings' },
  { id: 'function-from-string', pattern: /\bFunction\s*\(\s*["'`]/g, why: 'code from strings' },
  {
    id: 'string-timer',
    pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g,
    why: 'a timer given code as a string',
  },
  { id: 'fetch', pattern: /\bfetch\s*\(/g, why: 'a network request' },
  {
    id: 'network-api',
    pattern: /\b(?:XMLHttpRequest|sendBeacon|WebSocket|EventSource|RTCPeerConnection)\b/g,
    why: 'a network request',
  },
  { id: 'import-scripts', pattern: /\bimportScripts\s*\(/g, why: 'loading code at run time' },
  {
    id: 'remote-import',
    pattern: /\bimport\s*\(\s*["'`](?:https?:)?\/\//g,
    why: 'remote code',
  },
  {
    id: 'remote-script',
    pattern: /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi,
    why: 'remote code',
  },
  {
    id: 'html-from-string',
    pattern:
      /\.(?:innerHTML|outerHTML)\s*=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write(?:ln)?\s*\(|\bcreateContextualFragment\b/g,
    why: 'HTML built from a string',
  },
];

/**
 * Exact exceptions, each with its reason. Keep these few and precise: a pattern here must match
 * only the one known construct in a library, never code of Backstory's own.
 */
export const ALLOWED: readonly { rule: string; pattern: RegExp; why: string }[] = [
  {
    // Preact's diff applies `dangerouslySetInnerHTML` as `dom.innerHTML = props.__html`.
    // Backstory never passes that prop (tests/e2e/static-audit.spec.ts checks the sources).
    rule: 'html-from-string',
    pattern: /\.innerHTML=[\w$]+\.__html\b/,
    why: "Preact's dangerouslySetInnerHTML, unused by Backstory",
  },
  {
    // The background reads the library's shards packaged with the extension
    // (utils/background/packaged.ts): its own chrome-extension:// address, which the extension
    // pages' CSP (`connect-src 'self'`) is the only address it allows.
    rule: 'fetch',
    pattern: /\bfetch\([\w$]+\.runtime\.getURL\(/,
    why: "a file packaged with the extension, at the extension's own address",
  },
];

/** The findings in one file's text. */
export function auditText(file: string, text: string): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = Math.max(0, match.index - 40);
      const excerpt = text.slice(start, match.index + match[0].length + 40);
      const allowed = ALLOWED.some(
        (exception) => exception.rule === rule.id && exception.pattern.test(excerpt),
      );
      if (!allowed) findings.push({ file, rule: rule.id, excerpt });
    }
  }
  return findings;
}

/** The findings in a manifest: ways for pages or remote code to reach the extension. */
export function auditManifest(manifest: Record<string, unknown>): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const flag = (rule: string, value: unknown) =>
    findings.push({ file: 'manifest.json', rule, excerpt: JSON.stringify(value) });
  // Without this key no web page can message the extension (chrome.runtime.sendMessage from a page).
  if ('externally_connectable' in manifest)
    flag('externally-connectable', manifest.externally_connectable);
  // Resources pages can load reveal the extension to them and widen what they can reach. The one
  // allowed is the panel's page, framed on a page (MV3: only at the browser's per-session
  // address, use_dynamic_url; Firefox's MV2 addresses are per-install).
  if ('web_accessible_resources' in manifest && !onlyThePanelPage(manifest))
    flag('web-accessible', manifest.web_accessible_resources);
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  if (/unsafe-eval|unsafe-inline|https?:|\*/.test(csp))
    flag('csp', manifest.content_security_policy);
  return findings;
}

/** The panel's page, the one resource a page may frame. */
export const FRAMED_PAGE = 'sidepanel.html';

/** Whether the manifest's web-accessible resources are the panel's page alone, as allowed. */
function onlyThePanelPage(manifest: Record<string, unknown>): boolean {
  const resources: unknown = manifest.web_accessible_resources;
  if (!Array.isArray(resources)) return false;
  if (manifest.manifest_version === 2) {
    return resources.length === 1 && resources[0] === FRAMED_PAGE;
  }
  return resources.every(
    (entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      (entry as { use_dynamic_url?: unknown }).use_dynamic_url === true &&
      JSON.stringify((entry as { resources?: unknown }).resources) ===
        JSON.stringify([FRAMED_PAGE]),
  );
}

/** Audits every script, page and the manifest of a built extension folder. */
export function auditBuild(dir: string): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const path of filesUnder(dir)) {
    const file = relative(dir, path);
    if (file === 'manifest.json') {
      findings.push(...auditManifest(JSON.parse(readFileSync(path, 'utf8'))));
    } else if (/\.(?:m?js|html)$/.test(file)) {
      findings.push(...auditText(file, readFileSync(path, 'utf8')));
    }
  }
  return findings;
}

/** The script and page files of a built extension folder. */
export function shippedCode(dir: string): string[] {
  return filesUnder(dir)
    .map((path) => relative(dir, path))
    .filter((file) => /\.(?:m?js|html)$/.test(file));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
