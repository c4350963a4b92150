import type { FastifyInstance } from 'fastify';
import { createAjv } from '../schemas/ajv.ts';

/**
 * Route schemas compile in the platform's ajv (core/schemas/ajv.ts): bodies strictly, query
 * strings and params with type coercion because they arrive as text.
 */
export function registerValidation(app: FastifyInstance): void {
  const bodyAjv = createAjv('body');
  const paramsAjv = createAjv('params');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : paramsAjv).compile(schema));
}
