import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface GatewayRequest {
  to: string;
  body: string;
  dedupeKey: string;
  idempotencyKey: string;
  status: number;
}

/**
 * A real HTTP SMS gateway on 127.0.0.1 for tests: checks the HMAC signature (401 when wrong),
 * records every request, fails the first attempt of each message with 500 while `failFirst` is
 * on, and delivers each Idempotency-Key at most once (a repeat is answered 200, not delivered).
 */
export class FakeSmsGateway {
  readonly requests: GatewayRequest[] = [];
  /** Delivered messages by Idempotency-Key. */
  readonly delivered = new Map<string, { to: string; body: string }>();
  failFirst = true;
  /** Numbers the gateway always refuses with 500. */
  readonly refusing = new Set<string>();
  /** Called when a message is delivered, before the answer goes out (a test may crash the sender there). */
  afterDelivery: ((key: string) => void) | undefined;

  private constructor(
    private readonly server: http.Server,
    private readonly secret: string,
  ) {}

  static async start(secret: string): Promise<FakeSmsGateway> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const { status, payload } = gateway.handle(Buffer.concat(chunks), req.headers);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Requests reach the handler only after listen, when `gateway` exists.
    const gateway = new FakeSmsGateway(server, secret);
    return gateway;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  requestsFor(key: string): GatewayRequest[] {
    return this.requests.filter((r) => r.idempotencyKey === key);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(raw: Buffer, headers: http.IncomingHttpHeaders): { status: number; payload: unknown } {
    const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`);
    const given = Buffer.from(String(headers['x-signature'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401, payload: { error: 'bad signature' } };
    const message = JSON.parse(raw.toString('utf8')) as { to: string; body: string; dedupeKey: string };
    const idempotencyKey = String(headers['idempotency-key'] ?? '');
    const record = (status: number) => this.requests.push({ ...message, idempotencyKey, status });
    if (this.refusing.has(message.to) || (this.failFirst && this.requestsFor(idempotencyKey).length === 0)) {
      record(500);
      return { status: 500, payload: { error: 'gateway busy' } };
    }
    record(200);
    if (this.delivered.has(idempotencyKey)) return { status: 200, payload: { duplicate: true } };
    this.delivered.set(idempotencyKey, { to: message.to, body: message.body });
    this.afterDelivery?.(idempotencyKey);
    return { status: 200, payload: { accepted: true } };
  }
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
