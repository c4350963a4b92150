import type { FastifyInstance } from 'fastify';
import { badRequest, type ErrorDetail } from './errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * JSON bodies nested deeper than this are refused before anything recurses into them: far below
 * any stack limit, far above any real body (tenant schemas stop at 24 levels, with named errors).
 */
export const MAX_JSON_DEPTH = 256;
/** The largest magnitude a number in a body may have: beyond it doubles lose whole units and sums overflow. */
export const MAX_JSON_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * Input rules decided once, at the edge, for every route (tenant, platform and sign-in routes alike),
 * before any schema, hook or handler sees the request:
 * - JSON bodies deeper than MAX_JSON_DEPTH are refused by a scan of the text, before JSON.parse,
 *   naming the top-level field that is too deep;
 * - no text may hold the NUL character or a lone surrogate (PostgreSQL stores neither, in text or
 *   jsonb), in path params, the query string, or anywhere in a JSON body, keys included;
 * - numbers in bodies are finite (`1e400` parses as Infinity) and at most MAX_JSON_NUMBER in size.
 * Each problem is a 400 `VALIDATION_FAILED` naming the field, e.g. `body.answers.q1`.
 */
export function registerInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const tooDeep = tooDeepAt(body as string, MAX_JSON_DEPTH);
    if (tooDeep !== null) {
      done(
        badRequest(CORE_ERRORS.BODY_TOO_DEEP, `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`, [
          { path: tooDeep, message: `is nested deeper than ${MAX_JSON_DEPTH} levels` },
        ]),
        undefined,
      );
      return;
    }
    parseJson(request, body as string, done);
  });

  // Params and query are parsed with the route, so the tenant lookup in onRequest is already safe.
  app.addHook('onRequest', async (request) => {
    refuseProblems([...valueProblems('params', request.params), ...valueProblems('querystring', request.query)]);
  });
  app.addHook('preValidation', async (request) => {
    refuseProblems(valueProblems('body', request.body));
  });
}

function refuseProblems(problems: ErrorDetail[]): void {
  if (problems.length > 0) throw badRequest(CORE_ERRORS.VALIDATION_FAILED, 'The request has invalid fields', problems.slice(0, 20));
}

/**
 * Where a JSON text first nests deeper than `max`: `body.<top-level field>` (the field the author
 * will recognise, e.g. `body.schema`), `body` when the body itself is the deep array; null when
 * it never does. One pass over the characters, before JSON.parse.
 */
export function tooDeepAt(text: string, max: number): string | null {
  let depth = 0;
  let stringStart = -1;
  let lastString = '';
  let field: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (stringStart >= 0) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) {
        lastString = text.slice(stringStart, i + 1);
        stringStart = -1;
      }
    } else if (ch === 0x22) stringStart = i;
    else if (ch === 0x3a && depth === 1)
      field = decodeKey(lastString); // ':' after a top-level key
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return field === null ? 'body' : `body.${field}`;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return null;
}

function decodeKey(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}

// With the `u` flag a surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** What is wrong with a text, or null: NUL and lone surrogates cannot be stored. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone surrogate (broken Unicode)';
  return null;
}

function numberProblem(value: number): string | null {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_JSON_NUMBER)
    return `must be a finite number between -${MAX_JSON_NUMBER} and ${MAX_JSON_NUMBER}`;
  return null;
}

/** Every bad text or number in a parsed value, walked without recursion (depth is already bounded). */
export function valueProblems(root: string, value: unknown): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const stack: [string, unknown][] = [[root, value]];
  while (stack.length > 0) {
    const [path, current] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ path, message: problem });
    } else if (typeof current === 'number') {
      const problem = numberProblem(current);
      if (problem) problems.push({ path, message: problem });
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([`${path}[${i}]`, item]));
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = textProblem(key);
        const safeKey = keyProblem ? JSON.stringify(key).slice(1, -1) : key;
        if (keyProblem) problems.push({ path: `${path}.${safeKey}`, message: `(the field name) ${keyProblem}` });
        else stack.push([`${path}.${key}`, item]);
      }
    }
  }
  return problems;
}
