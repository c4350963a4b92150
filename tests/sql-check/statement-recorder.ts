import { createRequire } from 'node:module';
import path from 'node:path';
import { ContextPgClient } from '../../core/db/pg-client.ts';

/**
 * Records every statement the runtime role sends (the server's requests and jobs, not the tests'
 * own owner queries), with the place in our code that built it. knex emits its query events from
 * inside its promise machinery, where the caller's frames are gone, so the origin is taken when
 * the query builder or raw statement is created: that happens synchronously in the caller.
 */

export interface RecordedStatement {
  sql: string;
  origin: string;
}

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const recorded = new Map<string, string>();
let installed = false;

type Builder = { _origin?: string };

export function recordRuntimeStatements(): void {
  if (installed) return;
  installed = true;
  Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 40); // knex's own frames come first
  const Runner = require('knex/lib/execution/runner.js') as { prototype: { query(obj: { sql: string }): unknown } };
  const query = Runner.prototype.query;
  Runner.prototype.query = function (this: { client: { positionBindings(sql: string): string }; builder: Builder }, obj: { sql: string }) {
    if (this.client instanceof ContextPgClient) {
      const sql = this.client.positionBindings(obj.sql);
      if (!recorded.has(sql)) recorded.set(sql, this.builder._origin ?? 'unknown');
    }
    return query.call(this, obj);
  };
  // queryBuilder() and raw() are defined on knex's Client and again by the PostgreSQL dialect.
  for (
    let proto = ContextPgClient.prototype as unknown as Record<string, unknown> | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const method of ['queryBuilder', 'raw']) {
      if (!Object.prototype.hasOwnProperty.call(proto, method)) continue;
      const original = proto[method] as (...args: unknown[]) => Builder;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        const builder = original.apply(this, args);
        builder._origin = callerOf(new Error());
        return builder;
      };
    }
  }
}

/** Statements recorded since the last call, once each. */
export function takeRecordedStatements(): RecordedStatement[] {
  const list = [...recorded].map(([sql, origin]) => ({ sql, origin }));
  recorded.clear();
  return list;
}

/** The first frames in our own code outside the database layer and this recorder. */
function callerOf(error: Error): string {
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((l) => l.trim());
  const ours = frames.filter(
    (f) => f.includes(repoRoot) && !f.includes('node_modules') && !f.includes('/tests/sql-check/') && !f.includes('/core/db/'),
  );
  return (
    ours
      .slice(0, 2)
      .map((f) => f.replace(`${repoRoot}/`, ''))
      .join(' ← ') || 'unknown'
  );
}
