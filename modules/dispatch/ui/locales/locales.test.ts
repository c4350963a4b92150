import { describe, expect, it } from 'vitest';
import zh from './zh-CN.json';
import en from './en.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

const textAt = (resources: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources);

describe('dispatch module translations', () => {
  it('English has exactly the keys of zh-CN', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it('both fill the same placeholders and leave nothing empty', () => {
    for (const key of keysOf(zh)) {
      const placeholders = (r: unknown) => String(textAt(r, key)).match(/{{\s*\w+\s*}}/g)?.sort() ?? [];
      expect(placeholders(en), key).toEqual(placeholders(zh));
      for (const r of [zh, en]) expect(String(textAt(r, key)).trim().length > 0, key).toBe(true);
    }
  });
});
