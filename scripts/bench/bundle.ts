/**
 * Bundles `in-page.ts` (the engine and the page reader, as the content script runs them) into one
 * script that the benchmark injects into each page, exposing `globalThis.backstoryBench`.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

/** The in-page benchmark as a self-contained script. */
export async function bundleInPage(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(import.meta.dirname, 'in-page.ts'),
        formats: ['iife'],
        name: 'backstoryBench',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bench: the in-page bundle is empty');
  return chunk.code;
}
