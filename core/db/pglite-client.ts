import ClientPGLite from 'knex-pglite';

interface QueryObject {
  method?: string;
  [key: string]: unknown;
}

/**
 * knex-pglite labels a delete's result with the command "DEL" (from knex's method name `del`),
 * which knex's PostgreSQL response handling does not recognise: `.delete()` then returns the raw
 * result object instead of the number of rows deleted. Naming the method `delete` fixes the label.
 */
export class PgliteKnexClient extends ClientPGLite {
  processResponse(obj: QueryObject, runner: unknown): unknown {
    const fixed = obj.method === 'del' ? { ...obj, method: 'delete' } : obj;
    return (ClientPGLite.prototype as unknown as { processResponse(o: QueryObject, r: unknown): unknown }).processResponse.call(
      this,
      fixed,
      runner,
    );
  }
}
