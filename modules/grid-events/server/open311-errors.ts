import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, detailsFromAjv, type ErrorDetail } from '../../../core/module-kit.ts';
import type { Open311ErrorList } from '../schemas/open311.schema.ts';

/** The path params as the standard names them. */
const PARAM_NAMES: Record<string, string> = { id: 'service_request_id', code: 'service_code', token: 'token' };

/** What a field takes, said instead of the pattern a client cannot act on. */
const FIELD_FORMS: Record<string, string> = {
  service_code: 'must be a service_code from services.json (letters, digits, - and _)',
  service_request_id: 'must be tracking codes (10 letters and digits), comma separated',
  token: 'must be a token answered by POST requests.json',
  status: 'must be open, closed, or both comma separated',
  email: 'must be an e-mail address',
  phone: 'must be a phone number (digits, spaces, + - and brackets)',
  media_url: 'must be an http or https URL',
  start_date: 'must be an ISO 8601 date-time with its offset, e.g. 2025-06-01T08:00:00+08:00',
  end_date: 'must be an ISO 8601 date-time with its offset, e.g. 2025-06-01T08:00:00+08:00',
};
const PLAIN_TEXT = 'must be plain text without < > or control characters';
const NEEDS_COORDINATES = 'is required: a request is placed by lat and long (WGS-84); an address alone cannot be placed';

/** `body.lat` → `lat`, `params.id` → `service_request_id`, `body` → `the body`. */
function fieldName(path: string): string {
  const [part, ...rest] = path.split('.');
  const field = rest.join('.');
  if (!field) return part === 'querystring' ? 'the query string' : part === 'params' ? 'the path' : 'the body';
  return part === 'params' ? (PARAM_NAMES[field] ?? field) : field;
}

/** One problem as the standard's description: the field first, then what is wrong with it. */
function describe(detail: ErrorDetail): string {
  const field = fieldName(detail.path);
  let message = detail.message;
  if (/^must match (pattern|format)/.test(message)) message = FIELD_FORMS[field] ?? PLAIN_TEXT;
  else if (message === 'is required' && (field === 'lat' || field === 'long')) message = NEEDS_COORDINATES;
  else if (field === 'the body' && message === 'must be object') message = 'must hold the request’s fields, form-urlencoded or JSON';
  return `${field} ${message}`;
}

const list = (code: number, descriptions: string[]): Open311ErrorList => descriptions.map((description) => ({ code, description }));

/** PostgreSQL's refusals of a value (classes 22 and 23): the schemas should have caught them first. */
const DATA_ERROR = /^2[23]/;

/**
 * Any error of an Open311 route as the standard's list: the HTTP status as each entry's code, one
 * entry per problem, each naming its field. Bad input is a 4xx, never a 500.
 */
export function open311ErrorOf(error: FastifyError): { status: number; errors: Open311ErrorList } {
  if (error instanceof AppError) {
    const descriptions = error.details.length > 0 ? error.details.map(describe) : [error.message];
    return { status: error.statusCode, errors: list(error.statusCode, descriptions) };
  }
  if (error.validation) {
    const details = detailsFromAjv(error.validationContext ?? 'body', error.validation as Parameters<typeof detailsFromAjv>[1]);
    return { status: 400, errors: list(400, details.map(describe)) };
  }
  const code = (error as { code?: string }).code ?? '';
  if (DATA_ERROR.test(code)) return { status: 400, errors: list(400, ['A value of the request cannot be stored']) };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return { status: error.statusCode, errors: list(error.statusCode, [error.message]) };
  return { status: 500, errors: list(500, ['Internal error']) };
}

/**
 * In the Open311 scope: errors (the tenant scope's too: an unknown county, a module it has not
 * enabled) in the standard's shape, and the request's transaction rolls back; JSON answers are
 * never sniffed.
 */
export function registerOpen311Errors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    request.failed = true;
    const { status, errors } = open311ErrorOf(error);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send(errors);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
}
