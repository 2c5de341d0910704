/**
 * What the outside benchmark needs to know about an unpacked extension, read from its directory
 * alone (never from the extension's source): its manifest, the id Chromium gives it, and its
 * service worker's script.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a Manifest V3 file read here. */
export interface ExtensionManifest {
  manifest_version: number;
  name: string;
  /** Base64 public key: when present it, not the path, decides the id. */
  key?: string;
  background?: { service_worker?: string };
  /** Content scripts declared in the manifest (none: the extension registers them itself). */
  content_scripts?: unknown[];
}

/** Reads `<dir>/manifest.json`. */
export function readManifest(dir: string): ExtensionManifest {
  const manifest = JSON.parse(
    readFileSync(join(dir, 'manifest.json'), 'utf8'),
  ) as ExtensionManifest;
  if (typeof manifest.name !== 'string') throw new Error(`${dir}/manifest.json has no name`);
  return manifest;
}

/**
 * The id Chromium gives the unpacked extension in `dir`: the first 128 bits of the SHA-256 of its
 * public key (manifest `key`) or else of its absolute, symlink-free path, written with the letters
 * a–p (`crx_file::id_util::GenerateIdForPath`). Computing it lets extensions without a service
 * worker be measured; the benchmark checks it against the worker's and the profiles' addresses.
 */
export function extensionIdFor(dir: string): string {
  const manifest = readManifest(dir);
  const input = manifest.key ? Buffer.from(manifest.key, 'base64') : realpathSync(dir);
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The service worker's script path inside `dir` (manifest `background.service_worker`), or null. */
export function workerScriptPath(dir: string): string | null {
  const script = readManifest(dir).background?.service_worker;
  return script ? join(dir, script) : null;
}
