import { expect, it } from 'vitest';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

const textAt = (resources: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources);

/**
 * The two tests every module's locale files get: English has exactly the keys of zh-CN, and both
 * fill the same placeholders and leave nothing empty. Call inside the module's `describe`.
 */
export function itKeepsLocalesInStep(zh: unknown, en: unknown): void {
  it('English has exactly the keys of zh-CN', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it('both fill the same placeholders and leave nothing empty', () => {
    for (const key of keysOf(zh)) {
      const placeholders = (r: unknown) =>
        String(textAt(r, key))
          .match(/{{\s*\w+\s*}}/g)
          ?.sort() ?? [];
      expect(placeholders(en), key).toEqual(placeholders(zh));
      for (const r of [zh, en]) expect(String(textAt(r, key)).trim().length > 0, key).toBe(true);
    }
  });
}
