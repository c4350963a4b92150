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
  return [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^'\n;]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1]);
}

describe('core’s folders: the low layer knows no feature', () => {
  for (const [folder, allowed] of Object.entries(LOW_LAYER)) {
    it(`core/${folder} imports only ${allowed.length ? allowed.map((a) => `core/${a}`).join(', ') : 'itself'}`, () => {
      const dir = path.join(core, folder);
      const offenders = (readdirSync(dir) as string[])
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/-cli\.ts$/.test(f))
        .flatMap((f) =>
          valueImports(path.join(dir, f))
            .map((spec) => path.relative(core, path.resolve(dir, spec)).split(path.sep))
            .filter((parts) => parts[0] !== folder && !parts[0].startsWith('..') && !allowed.includes(parts[0]))
            .map((parts) => `core/${folder}/${f} imports core/${parts.join('/')}`),
        );
      expect(offenders).toEqual([]);
    });
  }
});
