import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../http/error-handler.ts';
import { registerWebApp } from './web-app.ts';

async function appServing(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandler(app);
  app.get('/api/health', async () => ({ ok: true }));
  await registerWebApp(app, distDir);
  await app.ready();
  return app;
}

describe('web app serving', () => {
  const distDir = mkdtempSync(path.join(tmpdir(), 'web-app-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(distDir, 'assets/index-abc123.js'), 'console.log(1)');
    app = await appServing(distDir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('answers any non-API GET with index.html, not cached, with a CSP', async () => {
    for (const url of ['/', '/t/demo/org', '/platform/tenants?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.body).toContain('id="root"');
    }
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  });

  it('keeps the JSON 404 for /api and for missing assets', async () => {
    for (const url of ['/api/nothing-here', '/api', '/assets/missing.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });
    expect((await app.inject({ method: 'POST', url: '/t/demo' })).statusCode).toBe(404);
  });

  it('without a build, says how to make one', async () => {
    const bare = await appServing(path.join(distDir, 'not-there'));
    const response = await bare.inject({ method: 'GET', url: '/t/demo' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });
});
