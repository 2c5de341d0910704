/**
 * Compiles the page gate (see `gate.ts`) and the library's postings (see `library.ts`) at build
 * time: one gate form per name form of every pack, with the entities it names, and each
 * article's host and address key. Pure; run by `scripts/build-packs.ts` and the benchmark.
 */
import { buildBloom, hashOf, DEFAULT_SIZING, type BloomSizing } from './bloom';
import type { CompiledPack } from './compiled';
import { gateFold, gateForm, startsPattern, TAG, type PageGate } from './gate';
import { addressPosting, gateEntity, type Postings } from './library';

/** The page gate and the postings of `packs`. */
export function compileGate(
  packs: readonly CompiledPack[],
  sizing: BloomSizing = DEFAULT_SIZING,
): { gate: PageGate; postings: Postings } {
  const postings: Postings = {};
  const hosts = new Set<string>();
  packs.forEach((pack, position) => {
    pack.names.forEach((forms, entity) => {
      for (const form of forms) {
        const key = gateFold(keyWord(form, forms));
        if (!key || key === '*') continue;
        add(postings, gateForm(key), gateEntity(position, entity));
      }
    });
    for (const address of pack.addresses) {
      add(postings, addressPosting(address), position);
      hosts.add(address.slice(0, address.indexOf('/')));
    }
  });
  const forms = Object.keys(postings).filter((key) => !key.startsWith('@'));
  const stems = forms.filter((form) => form.endsWith('*')).map((form) => form.slice(0, -1));
  const addresses = Object.keys(postings)
    .filter((key) => key.startsWith('@'))
    .map((key) => key.slice(1));
  const hashes = [
    ...forms.filter((form) => !form.endsWith('*')).map((form) => hashOf(TAG.name, form)),
    ...stems.map((stem) => hashOf(TAG.stem, stem)),
    ...[...hosts].map((host) => hashOf(TAG.host, host)),
    ...addresses.map((address) => hashOf(TAG.address, address)),
  ];
  const gate: PageGate = {
    version: 6,
    filter: buildBloom(hashes, sizing),
    stemStarts: [...new Set(stems.map((stem) => stem.charAt(0)))].sort().join(''),
    stemLengths: [...new Set(stems.map((stem) => stem.length))].sort((a, b) => a - b),
    starts: startsPattern(forms),
    counts: {
      stories: packs.length,
      names: forms.length,
      hosts: hosts.size,
      addresses: addresses.length,
    },
  };
  return { gate, postings };
}

/**
 * The word of a name form the gate looks for: every word of a form must be on a page that uses
 * it, so any one will do. The form itself when it is one word; else a word that is also a form of
 * the same entity ("putin" for "vladimir putin"), else the longest.
 */
export function keyWord(form: string, forms: readonly string[]): string {
  const words = form.split(' ');
  if (words.length === 1) return form;
  const shared = words.find((word) => forms.includes(word));
  if (shared) return shared;
  return words.reduce((best, word) => (word.length > best.length ? word : best), '');
}

function add(postings: Postings, key: string, value: number): void {
  const list = Object.hasOwn(postings, key) ? postings[key] : (postings[key] = []);
  if (list && !list.includes(value)) list.push(value);
}
