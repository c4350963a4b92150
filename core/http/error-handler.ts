import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from './errors.ts';
import { columnsOfConstraint } from '../db/constraint-columns.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/name/0` under `body` becomes `body.name[0]`; the missing or unknown property is appended. */
export function issuePath(context: string, issue: AjvIssue): string {
  let path = context;
  for (const part of issue.instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : `.${key}`;
  }
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof extra === 'string') path += `.${extra}`;
  return path;
}

export function issueMessage(issue: AjvIssue): string {
  if (issue.keyword === 'additionalProperties') return 'is not an allowed field';
  if (issue.keyword === 'required') return 'is required';
  return issue.message ?? 'is invalid';
}

export function detailsFromAjv(context: string, issues: AjvIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({ path: issuePath(context, issue), message: issueMessage(issue) }));
}

const PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: CORE_ERRORS.CONFLICT_DUPLICATE, message: 'A record with the same unique value already exists' },
  '23503': { status: 400, code: CORE_ERRORS.REFERENCE_INVALID, message: 'A referenced record does not exist' },
  '23514': { status: 400, code: CORE_ERRORS.VALUE_INVALID, message: 'A value breaks a rule of the record' },
  '22P02': { status: 400, code: CORE_ERRORS.VALUE_INVALID, message: 'A value has the wrong format' },
  '22001': { status: 400, code: CORE_ERRORS.VALUE_TOO_LONG, message: 'A value is too long' },
  // Safety net: values the route schemas should have refused already (core/server/input-guard.ts).
  '22003': { status: 400, code: CORE_ERRORS.VALUE_OUT_OF_RANGE, message: 'A number is out of range' },
  '22007': { status: 400, code: CORE_ERRORS.VALUE_INVALID, message: 'A date or time has the wrong format' },
  '22008': { status: 400, code: CORE_ERRORS.VALUE_OUT_OF_RANGE, message: 'A date or time is out of range' },
  '22021': { status: 400, code: CORE_ERRORS.VALUE_INVALID, message: 'A text holds a character that cannot be stored' },
  '22P05': { status: 400, code: CORE_ERRORS.VALUE_INVALID, message: 'A text holds a character that cannot be stored' },
  '42501': { status: 403, code: CORE_ERRORS.FORBIDDEN, message: 'This operation is not allowed' },
};

/** Every error leaves as `{"error": {"code", "message", "details"}}`; never a stack trace. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { details?: ErrorDetail[] }, request: FastifyRequest, reply: FastifyReply) => {
    request.failed = true;
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error.validation) {
      const details = detailsFromAjv(error.validationContext ?? 'body', error.validation as AjvIssue[]);
      return reply.status(400).send({ error: { code: CORE_ERRORS.VALIDATION_FAILED, message: 'The request has invalid fields', details } });
    }
    const pg = PG_ERRORS[(error as { code?: string }).code ?? ''];
    if (pg) {
      request.log.info({ err: error }, 'database rejected a value');
      const { detail, constraint } = error as { detail?: string; constraint?: string };
      const columns =
        keyColumns(detail) ?? (request.server.platform && columnsOfConstraint(request.server.platform.constraintColumns, constraint)) ?? [];
      const details = apiFieldNames(columns).map((column) => ({ path: `body.${column}`, message: pg.message }));
      return reply.status(pg.status).send({ error: { code: pg.code, message: pg.message, details } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? CORE_ERRORS.BODY_TOO_LARGE
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? CORE_ERRORS.MEDIA_TYPE_UNSUPPORTED
            : error.code?.startsWith('FST_ERR_CTP')
              ? CORE_ERRORS.BODY_INVALID
              : CORE_ERRORS.REQUEST_INVALID;
      return reply
        .status(error.statusCode)
        .send({ error: { code, message: error.message, details: [{ path: 'body', message: error.message }] } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: CORE_ERRORS.INTERNAL, message: 'Internal error', details: [] } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: CORE_ERRORS.ROUTE_NOT_FOUND, message: `No route ${request.method} ${request.url.split('?')[0]}`, details: [] },
    });
  });
}

/** PostgreSQL names the offending columns in `Key (tenant_id, phone)=(...)` (not for tables under RLS). */
function keyColumns(detail: string | undefined): string[] | null {
  const match = detail?.match(/^Key \(([^)]+)\)=/);
  return match ? match[1].split(',').map((c) => c.trim()) : null;
}

/** Columns as the API names them: camelCase, without the tenant column every key carries. */
function apiFieldNames(columns: string[]): string[] {
  return columns.filter((c) => c !== 'tenant_id').map((c) => c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase()));
}
