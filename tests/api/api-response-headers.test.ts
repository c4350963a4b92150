import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../core/app.ts';
import { loadConfig, parseTrustProxy } from '../../core/config.ts';
import { installedModules } from '../../modules/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { tinyPng, uploadFile } from '../helpers/multipart.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('API answers: never sniffed, never cached', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('headers-county');
  });
  afterAll(() => platform?.stop());

  it('JSON answers of the API carry nosniff and no-store, errors included', async () => {
    for (const response of [
      await county.admin.get(`${county.base}/auth/me`),
      await county.admin.get(`${county.base}/org/units`),
      await platform.client().get(`${county.base}/auth/me`),
      await platform.client().get('/api/t/no-such-county/auth/me'),
      await platform.operator.get('/api/platform/tenants'),
      await platform.client().get('/api/health'),
    ]) {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('a file download keeps its own caching headers', async () => {
    const upload = await uploadFile(county.admin, county.base, 'photo.png', tinyPng(), 'image/png');
    expect(upload.statusCode).toBe(201);
    const download = await county.admin.get(`${county.base}/files/${upload.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('private, no-cache');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('TRUST_PROXY: whose X-Forwarded-For the server believes', () => {
  let testDb: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(installedModules);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await testDb?.drop();
  });

  /** The client address the platform sees (what sign-in throttling and logs use). */
  async function clientAddressSeen(trustProxy: string | undefined, from: string, forwardedFor: string): Promise<string> {
    const config = {
      ...testDb.config,
      trustProxy: parseTrustProxy(trustProxy),
      overload: { ...testDb.config.overload, maxEventLoopDelayMs: 0 },
    };
    const app = await buildApp({ config, db: testDb.db, modules: installedModules });
    apps.push(app);
    app.get('/probe/client-address', async (request) => ({ ip: request.ip }));
    const response = await app.inject({
      method: 'GET',
      url: '/probe/client-address',
      remoteAddress: from,
      headers: { 'x-forwarded-for': forwardedFor },
    });
    return response.json().ip;
  }

  it('by default nobody: a client cannot pose as another address', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(await clientAddressSeen(undefined, '203.0.113.9', '10.9.9.9')).toBe('203.0.113.9');
    expect(await clientAddressSeen('false', '203.0.113.9', '10.9.9.9')).toBe('203.0.113.9');
  });

  it('a listed proxy address or range is believed, another sender is not', async () => {
    expect(await clientAddressSeen('10.0.0.1', '10.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(await clientAddressSeen('10.0.0.0/8, 192.168.1.1', '10.2.3.4', '198.51.100.7')).toBe('198.51.100.7');
    expect(await clientAddressSeen('10.0.0.1', '203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });

  it('true believes every sender; behind two listed proxies the client is the first address', async () => {
    expect(await clientAddressSeen('true', '203.0.113.9', '198.51.100.7')).toBe('198.51.100.7');
    expect(await clientAddressSeen('10.0.0.1, 10.0.0.2', '10.0.0.1', '198.51.100.7, 10.0.0.2')).toBe('198.51.100.7');
  });

  it('a setting it cannot read, or a bare hop count, stops the start with a message naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY.*yes please/);
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY=1: a hop count/);
    expect(parseTrustProxy(' 127.0.0.1 , loopback ')).toEqual(['127.0.0.1', 'loopback']);
  });
});
