import type { FastifyRequest } from 'fastify';

/**
 * The standard's POST body, `application/x-www-form-urlencoded`, as an object of texts (a field
 * sent twice keeps its last value). What each field may hold is the route schema's to say.
 */
export function parseForm(_request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void): void {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body.toString())) fields[name] = value;
  done(null, fields);
}

const DECIMAL = /^\s*[-+]?\d{1,3}(\.\d+)?\s*$/;

/**
 * lat and long arrive as text in a form (and from some clients in JSON): a decimal text becomes
 * its number before validation, anything else stays text and is refused naming the field.
 */
export async function withNumericCoordinates(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
  const fields = body as Record<string, unknown>;
  for (const name of ['lat', 'long']) {
    const value = fields[name];
    if (typeof value === 'string' && DECIMAL.test(value)) fields[name] = Number(value);
  }
}
