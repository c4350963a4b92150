import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const i18nDir = path.resolve(import.meta.dirname, '../../admin-ui/src/i18n');
const load = (file: string) => JSON.parse(readFileSync(path.join(i18nDir, file), 'utf8')) as Record<string, unknown>;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function interpolations(resources: Record<string, unknown>, key: string): string[] {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources);
  return (
    String(text)
      .match(/{{\s*\w+\s*}}/g)
      ?.sort() ?? []
  );
}

describe('web app translations', () => {
  const zh = load('zh-CN.json');
  const en = load('en.json');

  it('English has exactly the keys of zh-CN (the compile-time key check reads zh-CN only)', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it('both languages fill the same placeholders and leave no text empty', () => {
    for (const key of keysOf(zh)) {
      expect(interpolations(en, key), key).toEqual(interpolations(zh, key));
      for (const resources of [zh, en]) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources);
        expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
      }
    }
  });
});
