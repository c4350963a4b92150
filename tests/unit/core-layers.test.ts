import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Core's low layer — HTTP building blocks (core/http), the database (core/db), schemas
 * (core/schemas) and the county's clock (core/time) — knows no feature: features import it,
 * never the other way round, so there is no cycle between core's folders through it. The app's
 * wiring (core/server: which routes mount where) is the one place that imports every feature.
 * ESLint's import-x/no-cycle guards files; this guards folders. Entry points (`*-cli.ts`) and
 * type-only imports are exempt.
 */
const core = path.resolve(import.meta.dirname, '../../core');
const LOW_LAYER: Record<string, string[]> = {
  time: [],
  schemas: ['time'],
  db: ['schemas', 'time'],
  http: ['db', 'schemas', 'time'],
};

function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // An import list may span lines (Prettier breaks long ones).
  return [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^';]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1]);
}

const isSource = (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/[-.]cli\.ts$/.test(f);

describe('core’s folders: the low layer knows no feature', () => {
  for (const [folder, allowed] of Object.entries(LOW_LAYER)) {
    it(`core/${folder} imports only ${allowed.length ? allowed.map((a) => `core/${a}`).join(', ') : 'itself'}`, () => {
      const dir = path.join(core, folder);
      const offenders = (readdirSync(dir) as string[]).filter(isSource).flatMap((f) =>
        valueImports(path.join(dir, f))
          .map((spec) => path.relative(core, path.resolve(dir, spec)).split(path.sep))
          .filter((parts) => parts[0] !== folder && !parts[0].startsWith('..') && !allowed.includes(parts[0]))
          .map((parts) => `core/${folder}/${f} imports core/${parts.join('/')}`),
      );
      expect(offenders).toEqual([]);
    });
  }
});

/**
 * Folder pairs of core that import each other (values; types and entry points exempt). Each is a
 * knot a change may pull tight; the ones left are listed here, and a new one fails. Why each
 * stays: the audit writer (`audit()`, used by every feature) shares core/audit with the trail's
 * readers, which need permissions and file access.
 */
const KNOWN_FOLDER_CYCLES = ['audit <-> auth', 'audit <-> files'];

describe('core’s feature folders: no two import each other', () => {
  it(`only the known pairs remain (${KNOWN_FOLDER_CYCLES.join(', ')})`, () => {
    const folders = readdirSync(core, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const imports = new Map<string, Set<string>>();
    for (const folder of folders) {
      const dir = path.join(core, folder);
      const targets = new Set<string>();
      for (const f of (readdirSync(dir) as string[]).filter(isSource)) {
        for (const spec of valueImports(path.join(dir, f))) {
          const [first] = path.relative(core, path.resolve(dir, spec)).split(path.sep);
          if (first !== folder && folders.includes(first)) targets.add(first);
        }
      }
      imports.set(folder, targets);
    }
    const pairs = folders.flatMap((a) =>
      [...(imports.get(a) ?? [])].filter((b) => a < b && imports.get(b)?.has(a)).map((b) => `${a} <-> ${b}`),
    );
    expect(pairs.sort()).toEqual([...KNOWN_FOLDER_CYCLES].sort());
  });
});
