import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build` puts the web app (admin-ui/vite.config.ts). */
export const WEB_APP_DIR = path.resolve(import.meta.dirname, '../../dist/admin-ui');

// antd writes its styles at run time (CSS-in-JS), hence inline styles; scripts only from here.
const HTML_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>County work platform</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em">
<h1>网页界面尚未构建 · The web app is not built</h1>
<p>请在项目目录运行 <code>npm run build</code>，然后重启服务（<code>npm start</code> 会自动构建）。</p>
<p>Run <code>npm run build</code> in the project folder, then restart the server (<code>npm start</code> builds it for you).</p>
<p>API: <a href="/api/docs">/api/docs</a></p></body></html>`;

const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Serves the built web app: hashed files under `/assets/` cached for a year, and `index.html`
 * for every other GET outside `/api` so that the client-side router can take any deep link.
 * `/api/*` keeps its JSON 404. Without a build, a page that says how to make one.
 */
export async function registerWebApp(app: FastifyInstance, distDir = WEB_APP_DIR): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const assetsDir = path.join(distDir, 'assets');
  if (existsSync(assetsDir)) {
    // File names carry a content hash, so a cached copy is never stale.
    await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', index: false, maxAge: '365d', immutable: true });
  }

  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    if (isApiPath(request.url) || request.url.startsWith('/assets/')) return reply.callNotFound();
    // Read on each request: a rebuild while the server runs is picked up.
    const html = existsSync(indexFile) ? await readFile(indexFile) : NOT_BUILT_PAGE;
    return reply.headers(HTML_HEADERS).type('text/html; charset=utf-8').send(html);
  });
}
