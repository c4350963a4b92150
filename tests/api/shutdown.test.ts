import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ReadyServerProcess } from '../helpers/server-process.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function answerOf(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real server process: SIGTERM with a request in flight and another arriving on an open connection. */
describe('SIGTERM: requests in flight finish, late ones get 503 with Connection: close, exit 0', () => {
  let server: ReadyServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { SHUTDOWN_GRACE_SECONDS: '15' } });
  }, 300_000);
  afterAll(() => server?.cleanUp());

  it('finishes the slow request, answers the keep-alive one with 503, refuses new connections, exits 0', async () => {
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const warmUp = await answerOf(http.get(`${server.baseUrl}/healthz`, { agent: keepAlive }));
    expect(warmUp.status).toBe(200);

    // A sign-in whose body arrives slowly (a phone on a bad network): in flight across the SIGTERM.
    const body = JSON.stringify({ login: 'admin', password: 'Admin@2026' });
    const slow = http.request(`${server.baseUrl}/api/t/demo/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const slowAnswer = answerOf(slow);
    slow.write(body.slice(0, 10));
    await sleep(300);

    server.child.kill('SIGTERM');
    await sleep(500);

    const late = await answerOf(http.get(`${server.baseUrl}/api/health`, { agent: keepAlive })).catch((error) => {
      throw new Error(`the late request failed (${error}); server said:\n${server.output()}`);
    });
    expect(late.status).toBe(503);
    expect(late.headers.connection).toBe('close');
    expect(late.headers['retry-after']).toBeDefined();
    expect(JSON.parse(late.body).error.code).toBe('SHUTTING_DOWN');

    // A new connection is refused: the load balancer moves on at once.
    await expect(answerOf(http.get(`${server.baseUrl}/healthz`, { agent: false }))).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    slow.end(body.slice(10));
    const finished = await slowAnswer;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.body).csrfToken).toEqual(expect.any(String));

    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"shut down"');
    keepAlive.destroy();
  }, 60_000);
});
