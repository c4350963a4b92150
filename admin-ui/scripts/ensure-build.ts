import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs before `npm start` (and the browser tests): builds the web app when `dist/admin-ui` is
 * missing or older than its sources, so `npm install && npm start` always ends with a usable UI.
 * Without Vite (an install that omitted dev dependencies) it only warns: the server then serves
 * a page that says to run `npm run build`.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const builtIndex = path.join(repoRoot, 'dist/admin-ui/index.html');
const sources = ['admin-ui/src', 'admin-ui/index.html', 'admin-ui/vite.config.ts', 'modules', 'package-lock.json'];
// Module server code changes often and never reaches the bundle: only modules/<id>/ui counts.
function inModules(file: string): boolean {
  const parts = path.relative(repoRoot, file).split(path.sep);
  return parts[0] !== 'modules' || parts[2] === 'ui';
}

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return inModules(target) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)));
  return newest;
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => newestChange(path.join(repoRoot, s))));
if (builtAt >= sourcesAt) process.exit(0);

if (!existsSync(path.join(repoRoot, 'node_modules/vite'))) {
  console.warn('The web app is not built and Vite is not installed: run `npm install` (with dev dependencies), then `npm run build`.');
  process.exit(0);
}
console.log(builtAt ? 'The web app sources changed: rebuilding.' : 'Building the web app (first start).');
// A caller's NODE_ENV (vitest sets `test`) would make Vite bundle React's development build.
const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
process.exit(result.status ?? 1);
