/**
 * Compiles the name gate (see `gate.ts`) at build time: one key per name form of every pack, with
 * the entities it names. Pure; run by `buildIndex`.
 */
import type { CompiledPack } from './compiled';
import { gateEntity, gateFold, type CompiledGate } from './gate';

/** The gate over all packs' people and places. */
export function compileGate(packs: readonly CompiledPack[]): CompiledGate {
  const byKey = new Map<string, Set<number>>();
  packs.forEach((pack, position) => {
    pack.names.forEach((forms, entity) => {
      for (const form of forms) {
        const key = gateFold(keyWord(form, forms));
        if (!key || key === '*') continue;
        const entities = byKey.get(key) ?? new Set<number>();
        byKey.set(key, entities.add(gateEntity(position, entity)));
      }
    });
  });
  const keys = [...byKey.keys()].sort();
  return { keys, entities: keys.map((key) => [...(byKey.get(key) ?? [])]) };
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
