import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * After `vite build`: prints every emitted JS chunk with its gzipped size and the initial load
 * (the entry chunk plus everything it imports statically, i.e. what the browser fetches before
 * the first page renders), and exits non-zero when the initial load is over budget.
 */
const INITIAL_BUDGET_BYTES = 400 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

const distDir = path.resolve(import.meta.dirname, '../../dist/admin-ui');

function initialChunkKeys(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const child of manifest[key].imports ?? []) visit(child);
  };
  entries.forEach(visit);
  return [...seen];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(): boolean {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const initial = new Set(initialChunkKeys(manifest));
  const rows = Object.entries(manifest)
    .filter(([, chunk]) => chunk.file.endsWith('.js'))
    .map(([key, chunk]) => {
      const bytes = readFileSync(path.join(distDir, chunk.file));
      return { key, file: chunk.file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, initial: initial.has(key) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

  console.log('\nJS chunks (gzipped), * = loaded initially:');
  for (const row of rows)
    console.log(`${row.initial ? '*' : ' '} ${kb(row.gzip).padStart(10)}  ${kb(row.raw).padStart(10)} raw  ${row.file}`);
  const initialGzip = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.gzip, 0);
  const ok = initialGzip <= INITIAL_BUDGET_BYTES;
  console.log(`\nInitial JS: ${kb(initialGzip)} gzipped (budget ${kb(INITIAL_BUDGET_BYTES)}) ${ok ? 'OK' : 'OVER BUDGET'}\n`);
  return ok;
}

if (!report()) process.exit(1);
