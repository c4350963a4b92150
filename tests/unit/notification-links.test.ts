import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every link the server writes into a notification opens a page of the web app, not "page not
 * found". The links are read from the server code (every `link:` / `const link =` literal in core
 * and the modules' server code) and matched against the routes the web app declares: core pages
 * (admin-ui/src/pages/core/core-pages.tsx), the module pages (modules/<id>/ui/index.tsx, below
 * `/<id>/`), and the tenant home. Read as text: the route lists are plain literals.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

function serverFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return name === 'ui' ? [] : serverFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

const MODULES = readdirSync(path.join(root, 'modules')).filter((name) => statSync(path.join(root, 'modules', name)).isDirectory());

/** Route patterns below `/t/:tenant`, e.g. `/dispatch/requests/:id`. */
function appRoutes(): string[] {
  const core = [...read('admin-ui/src/pages/core/core-pages.tsx').matchAll(/segment: '([^']+)'/g)].map((m) => `/${m[1]}`);
  const modules = MODULES.flatMap((id) =>
    [...read(`modules/${id}/ui/index.tsx`).matchAll(/\{ path: '([^']+)'/g)].map((m) => `/${id}/${m[1]}`),
  );
  return ['/', ...core, ...modules];
}

/** Literal links in server code, `${…}` standing for an id. Non-literal `link:` values must only pass one on. */
function serverLinks(): { file: string; link: string }[] {
  const files = [...serverFiles('core'), ...MODULES.flatMap((id) => serverFiles(`modules/${id}`))];
  return files.flatMap((file) =>
    [...read(file).matchAll(/\blink\b\s*[:=]\s*(`[^`]*`|'[^']*')/g)].map((m) => ({
      file,
      link: m[1].slice(1, -1).replace(/\$\{[^}]+\}/g, '0193f0a2-0000-7000-8000-000000000001'),
    })),
  );
}

const matches = (pattern: string, link: string) => {
  const a = pattern.split('/');
  const b = link.split('?')[0].split('/');
  return a.length === b.length && a.every((part, i) => (part.startsWith(':') ? b[i].length > 0 : part === b[i]));
};

describe('notification links', () => {
  it('every link the server writes into a notification (dispatch, forms, core) opens a page the web app has', () => {
    const routes = appRoutes();
    const links = serverLinks();
    // The scan finds the links it must: dispatch's task, assignment and request notices, forms' reminders, core's export notices.
    for (const expected of ['/dispatch/tasks/', '/dispatch/assignments/', '/dispatch/requests/', '/forms/my-due', '/exports?highlight=']) {
      expect(
        links.some((l) => l.link.startsWith(expected)),
        expected,
      ).toBe(true);
    }
    const broken = links.filter((l) => !routes.some((route) => matches(route, l.link)));
    expect(broken).toEqual([]);
  });
});
