import type { FastifyServerOptions } from 'fastify';
import type { Logger, LoggerOptions } from 'pino';
import { currentRequestId } from './request-id.ts';

/** Fields that never reach a log line, at any of the first three levels of a logged object. */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'adminPassword',
  'csrfToken',
  'phone',
  'mobile',
  'cookie',
  'authorization',
];
const SECRET_HEADERS = ['set-cookie', 'x-csrf-token', 'idempotency-key'];

export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => [`*["${header}"]`, `*.*["${header}"]`]),
];

/**
 * The platform's pino options: JSON lines at LOG_LEVEL with passwords, session cookies, CSRF
 * tokens, idempotency keys and phone numbers redacted; pino-pretty only in development.
 * Request lines carry `requestId` through fastify's request logger; lines written elsewhere
 * while serving a request or running a job it caused get it from the work context.
 */
export function platformLoggerOptions(options: {
  level: string;
  pretty: boolean;
  destination?: NodeJS.WritableStream;
}): NonNullable<FastifyServerOptions['logger']> {
  const pino: LoggerOptions & { stream?: NodeJS.WritableStream } = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    mixin(_object, _level, logger) {
      const requestId = currentRequestId();
      if (!requestId || 'requestId' in (logger as Logger).bindings()) return {};
      return { requestId };
    },
  };
  if (options.destination) pino.stream = options.destination;
  else if (options.pretty) pino.transport = { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } };
  return pino as NonNullable<FastifyServerOptions['logger']>;
}
