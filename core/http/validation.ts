import type { FastifyInstance } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schemas/ajv.ts';

/**
 * Route schemas compile in the platform's ajv (core/schemas/ajv.ts): bodies strictly, query
 * strings and params with type coercion because they arrive as text.
 */
export function registerValidation(app: FastifyInstance): void {
  const bodyAjv = createAjv('body');
  const paramsAjv = createAjv('params');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? bodyAjv.compile(schema) : finiteNumbersOnly(paramsAjv.compile(schema)),
  );
}

/**
 * ajv coerces `Infinity` and `1e400` in a query string to a number, and its `integer` check lets
 * an infinite number through (`Infinity % 1` is NaN): such a value is refused here, naming it.
 * (Bodies cannot carry one: core/server/input-guard.ts refuses them at the edge.)
 */
function finiteNumbersOnly(validate: ValidateFunction): ValidateFunction {
  const checked = ((data: unknown, context?: never) => {
    if (!validate(data, context)) {
      checked.errors = validate.errors;
      return false;
    }
    const values = data !== null && typeof data === 'object' ? Object.entries(data) : [];
    const infinite = values
      .flatMap(([key, value]) => (Array.isArray(value) ? value.map((v, i) => [`/${key}/${i}`, v] as const) : [[`/${key}`, value] as const]))
      .filter(([, v]) => typeof v === 'number' && !Number.isFinite(v));
    checked.errors =
      infinite.length === 0
        ? null
        : infinite.map(([instancePath]) => ({
            instancePath,
            schemaPath: '',
            keyword: 'type',
            params: {},
            message: 'must be a finite number',
          }));
    return infinite.length === 0;
  }) as ValidateFunction;
  Object.assign(checked, { schema: validate.schema, schemaEnv: validate.schemaEnv });
  return checked;
}
