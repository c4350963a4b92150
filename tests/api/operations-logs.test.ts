import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformLoggerOptions } from '../../core/ops/logger.ts';
import type { PlatformModule } from '../../core/modules/contract.ts';
import { errorResponses, tenantParams } from '../../core/schemas/common.schema.ts';
import { installedModules } from '../../modules/index.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { waitFor } from '../helpers/fake-sms-gateway.ts';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  [key: string]: unknown;
}

/** Every line the platform's logger writes, as parsed JSON (and the raw text, to search for secrets). */
class LogCapture extends Writable {
  raw = '';
  _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.raw += chunk.toString();
    callback();
  }
  get lines(): LogLine[] {
    return this.raw
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  }
}

const PHONE = '13987654321';

/** A module whose route texts the signed-in user (an SMS job) and, carelessly, logs its whole request. */
const probeModule: PlatformModule = {
  manifest: {
    id: 'ops-probe',
    version: '1.0.0',
    name: { 'zh-CN': '运维探针', en: 'Ops probe' },
    description: { 'zh-CN': '测试用', en: 'For tests' },
    dependsOn: [],
    permissions: [],
    configSchema: { type: 'object', properties: {} },
    recordTypes: [],
    menu: [],
  },
  routes: async (app) => {
    app.post(
      '/text-me',
      {
        schema: {
          summary: 'Texts the caller',
          params: tenantParams,
          body: { type: 'object', properties: { password: { type: 'string' }, phone: { type: 'string' } } },
          response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses },
        },
      },
      async (request) => {
        request.log.info({ headers: request.headers, body: request.body }, 'a careless module logs its whole request');
        await request.server.notifier.notify(request.db, request.tenant.id, {
          userIds: [request.user!.id],
          kind: 'ops.test',
          title: '测试短信',
          sms: true,
        });
        return { ok: true };
      },
    );
  },
};

describe('logs: one JSON line per request, the request id everywhere it leads, no secrets', () => {
  const capture = new LogCapture();
  let platform: TestPlatform;
  let tenant: TestTenant;
  let adminId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start({
      modules: [...installedModules, probeModule],
      logger: platformLoggerOptions({ level: 'debug', pretty: false, destination: capture }),
    });
    tenant = await platform.createTenant('log-county');
    [adminId] = await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, username: 'admin' }).pluck('id');
    await platform.ownerQuery('core_user').where({ tenant_id: tenant.id, id: adminId }).update({ phone: PHONE });
    expect((await tenant.admin.post(`${tenant.base}/modules/ops-probe/enable`)).statusCode).toBe(200);
  });
  afterAll(() => platform?.stop());

  it('writes one line per request with request id, tenant slug, user id, route, status and duration; echoes the id', async () => {
    const response = await tenant.admin.get(`${tenant.base}/auth/me`, { 'x-request-id': 'lb-7f3a9c-000001' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('lb-7f3a9c-000001');
    const lines = capture.lines.filter((l) => l.requestId === 'lb-7f3a9c-000001');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      tenant: 'log-county',
      userId: adminId,
      method: 'GET',
      route: '/api/t/:tenant/auth/me',
      path: '/api/t/log-county/auth/me',
      status: 200,
    });
    expect(typeof lines[0].durationMs).toBe('number');
  });

  it('makes its own id when the given one is missing or not sane', async () => {
    const forged = await tenant.admin.get(`${tenant.base}/auth/me`, { 'x-request-id': 'x"} forged {"admin":true' });
    const made = forged.headers['x-request-id'] as string;
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(capture.lines.filter((l) => l.requestId === made && l.msg === 'request')).toHaveLength(1);
    const none = await platform.client().get('/healthz');
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a job the request caused logs with the same request id (the SMS it queued)', async () => {
    await platform.app.jobs.start();
    try {
      const response = await tenant.admin.post(`${tenant.base}/ops-probe/text-me`, {}, { 'x-request-id': 'req-with-a-job-0001' });
      expect(response.statusCode).toBe(200);
      const smsLine = await waitFor('the SMS job logged', async () =>
        capture.lines.find((l) => l.msg.startsWith('SMS written to the log')),
      );
      expect(smsLine.requestId).toBe('req-with-a-job-0001');
      const jobDone = await waitFor('the worker logged the job', async () =>
        capture.lines.find((l) => l.msg === 'job done' && (l.job as { name: string }).name === 'core.sms-deliver'),
      );
      expect(jobDone.requestId).toBe('req-with-a-job-0001');
      expect(capture.raw.match(/"requestId":"req-with-a-job-0001"/g)!.length).toBeGreaterThanOrEqual(4);
    } finally {
      await platform.app.jobs.stop();
    }
  });

  it('never logs passwords, session cookies, CSRF tokens, idempotency keys or phone numbers', async () => {
    const client = await platform.client().loginTenant(tenant.slug, 'admin', 'admin-pass-123');
    const sessionSecret = client.cookieHeader().split('.').pop() as string;
    const idempotencyKey = 'idem-key-5e1f0c9a';
    const response = await client.post(
      `${tenant.base}/ops-probe/text-me`,
      { password: 'hunter2-secret', phone: PHONE },
      { 'idempotency-key': idempotencyKey },
    );
    expect(response.statusCode).toBe(200);
    platform.app.log.info(
      {
        upstream: { headers: { authorization: 'Bearer metrics-secret-1', 'set-cookie': `sid=${sessionSecret}` } },
        user: { newPassword: 'next-secret-pw', mobile: PHONE },
      },
      'an object with secrets at depth',
    );

    const careless = [...capture.lines].reverse().find((l) => l.msg === 'a careless module logs its whole request') as LogLine & {
      headers: Record<string, string>;
      body: Record<string, string>;
    };
    expect(careless.headers).toMatchObject({ cookie: '[Redacted]', 'x-csrf-token': '[Redacted]', 'idempotency-key': '[Redacted]' });
    expect(careless.body).toEqual({ password: '[Redacted]', phone: '[Redacted]' });
    const deep = capture.lines.find((l) => l.msg === 'an object with secrets at depth') as LogLine & {
      upstream: { headers: Record<string, string> };
      user: Record<string, string>;
    };
    expect(deep.upstream.headers).toEqual({ authorization: '[Redacted]', 'set-cookie': '[Redacted]' });
    expect(deep.user).toEqual({ newPassword: '[Redacted]', mobile: '[Redacted]' });

    for (const secret of [
      'admin-pass-123',
      'hunter2-secret',
      'next-secret-pw',
      sessionSecret,
      client.csrfToken as string,
      idempotencyKey,
      PHONE,
      'metrics-secret-1',
    ]) {
      expect(capture.raw, `log output contains ${secret}`).not.toContain(secret);
    }
  });
});
