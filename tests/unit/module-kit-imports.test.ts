import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A module's web UI (modules/<id>/ui) reaches the shell only through admin-ui/src/module-kit.ts,
 * and the network only through the shell's client (no `fetch` of its own, which would skip the
 * expired-session redirect, the CSRF token and the idempotency keys). Read as text until ESLint
 * holds the rule.
 */
const root = path.resolve(import.meta.dirname, '../..');

function uiFiles(): string[] {
  return readdirSync(path.join(root, 'modules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const ui = path.join(root, 'modules', entry.name, 'ui');
      try {
        return (readdirSync(ui, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file)).map((file) => path.join(ui, file));
      } catch {
        return [];
      }
    });
}

describe('module UIs and the shell', () => {
  const files = uiFiles();

  it('finds the module UIs', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('import the shell only through admin-ui/src/module-kit.ts', () => {
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'([^']*admin-ui\/src\/[^']*)'/g)]
        .map((match) => match[1])
        .filter((target) => !target.endsWith('admin-ui/src/module-kit'))
        .map((target) => `${path.relative(root, file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('make no requests of their own', () => {
    const offenders = files.filter((file) => /\bfetch\(|XMLHttpRequest/.test(readFileSync(file, 'utf8'))).map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
