import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { PlatformConfig } from '../config.ts';

export interface SmsMessage {
  to: string;
  body: string;
  /** Same key on every attempt of one message: the gateway drops repeats. */
  dedupeKey: string;
}

/** Sends one text message; resolves when the gateway accepted it, throws otherwise. */
export interface SmsProvider {
  readonly name: 'log' | 'http';
  send(message: SmsMessage): Promise<void>;
}

/** Development default: writes the message to the app log instead of sending it. */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';

  constructor(private readonly log: FastifyBaseLogger) {}

  async send(message: SmsMessage): Promise<void> {
    this.log.info(
      { sms: { to: maskPhone(message.to), body: message.body, dedupeKey: message.dedupeKey } },
      'SMS written to the log (SMS_PROVIDER=log)',
    );
  }
}

/**
 * Posts `{to, body, dedupeKey}` as JSON to an SMS gateway. The gateway authenticates the
 * request by `X-Signature: sha256=<HMAC-SHA256 of the raw body>` and drops repeats by
 * `Idempotency-Key`, which covers a crash between its answer and our marking the message sent.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const raw = JSON.stringify({ to: message.to, body: message.body, dedupeKey: message.dedupeKey });
    const signature = createHmac('sha256', this.secret).update(raw).digest('hex');
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': `sha256=${signature}`, 'idempotency-key': message.dedupeKey },
      body: raw,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${text.slice(0, 200)}`);
  }
}

/** The provider the configuration names; `http` without its URL and secret stops the start. */
export function createSmsProvider(config: PlatformConfig['sms'], log: FastifyBaseLogger): SmsProvider {
  if (config.provider === 'log') return new LogSmsProvider(log);
  if (!config.url || !config.secret) throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL and SMS_HTTP_SECRET');
  return new HttpSmsProvider(config.url, config.secret);
}

function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
