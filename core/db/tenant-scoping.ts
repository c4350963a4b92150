import { createRequire } from 'node:module';
import type { Knex } from 'knex';

/**
 * Every query built with knex's query builder in a tenant transaction names its tenant:
 * `<table or alias>.tenant_id = <the transaction's tenant>` is added for each tenant table it
 * reads, updates or deletes — the main table, each joined one (in its ON clause, so a LEFT JOIN
 * stays a LEFT JOIN) and those of sub-queries. Row Level Security already limits every row to
 * the tenant; this is what lets Citus route the statement to the one node holding the tenant
 * (docs/SCALING.md) instead of sending it to all of them, and what `FOR UPDATE` there requires.
 * It is the approach of Citus's own libraries for Rails and Django (activerecord-multi-tenant,
 * django-multitenant). Raw SQL is not rewritten: it names its tenant itself, and
 * tests/sql-check holds every statement to that.
 */

const require = createRequire(import.meta.url);
const QueryBuilder = require('knex/lib/query/querybuilder.js') as new (...args: unknown[]) => object;
const Raw = require('knex/lib/raw.js') as new (...args: unknown[]) => object;
const JoinClause = require('knex/lib/query/joinclause.js') as new (...args: unknown[]) => object;

interface Statement {
  grouping: string;
  bool?: string;
  value?: unknown;
  [key: string]: unknown;
}

interface Builder {
  client: object;
  _method?: string;
  _single: { table?: unknown };
  _statements: Statement[];
  _tenantScoped?: boolean;
  where(column: string, value: unknown): Builder;
}

interface Join {
  table: unknown;
  clauses: { bool?: string }[];
  andOnVal(column: string, operator: string, value: unknown): Join;
  on(callback: (this: Join) => void): Join;
}

/** The tenant of each open tenant transaction, by its knex client (shared by its query builders). */
const tenantOfClient = new WeakMap<object, string>();

export function setTransactionTenant(trx: Knex.Transaction, tenantId: string | null): void {
  if (tenantId) tenantOfClient.set(trx.client, tenantId);
  else tenantOfClient.delete(trx.client);
}

/**
 * The tenant of a tenant transaction, for raw SQL to name (`where tenant_id = ?`) where the
 * caller has no tenant id at hand. Throws outside a tenant transaction (a platform transaction,
 * or a savepoint not given its tenant with `setTransactionTenant`): no row is there to read.
 */
export function tenantOfTransaction(trx: Knex.Transaction): string {
  const tenantId = tenantOfClient.get(trx.client);
  if (!tenantId)
    throw new Error('Raw SQL on tenant tables runs in a tenant transaction (withTenant / request.db), or a savepoint given its tenant');
  return tenantId;
}

const scopedConnections = new WeakSet<Knex>();

/**
 * Adds the tenant condition to every builder query the runtime connection runs from now on;
 * the tenant tables are those with a tenant_id column (read once: the schema changes only by
 * migrations, which run before). Once per connection.
 */
export async function scopeQueriesToTenant(db: { owner: Knex; runtime: Knex }): Promise<void> {
  if (scopedConnections.has(db.runtime)) return;
  scopedConnections.add(db.runtime);
  const { rows } = await db.owner.raw(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`,
  );
  const tenantTables = new Set((rows as { table_name: string }[]).map((r) => r.table_name));
  db.runtime.on('start', (builder: unknown) => {
    const tenantId = tenantOfClient.get((builder as Builder).client);
    if (!tenantId) return;
    if (builder instanceof QueryBuilder) scope(builder as Builder, tenantId, tenantTables);
    // Raw SQL names its tenant itself; a builder bound into it (`from ? as y`) is scoped as any.
    else if (builder instanceof Raw) scopeInside(Object.values((builder as { bindings?: object }).bindings ?? {}), tenantId, tenantTables);
  });
}

const UNSCOPED_METHODS = new Set(['insert', 'truncate', 'columnInfo']);

function scope(builder: Builder, tenantId: string, tenantTables: ReadonlySet<string>): void {
  if (builder._tenantScoped) return;
  builder._tenantScoped = true;
  const subScope = (value: unknown) => scopeInside(value, tenantId, tenantTables);
  subScope(builder._single.table);
  for (const statement of builder._statements) {
    if (statement instanceof JoinClause) {
      const join = statement as unknown as Join;
      const table = tableRef(join.table, tenantTables);
      subScope(join.table);
      if (table) condition(join, `${table}.tenant_id`, tenantId);
    } else {
      for (const [key, value] of Object.entries(statement)) {
        if (typeof value === 'function') statement[key] = scopedCallback(value as (...args: unknown[]) => unknown, tenantId, tenantTables);
        else subScope(value);
      }
    }
  }
  if (UNSCOPED_METHODS.has(builder._method ?? '')) return;
  const main = tableRef(builder._single.table, tenantTables);
  if (!main) return;
  const wheres = builder._statements.filter((s) => s.grouping === 'where');
  if (wheres.some((s) => s.bool === 'or')) {
    // `a OR b AND tenant` would bind as `a OR (b AND tenant)`: keep the existing conditions together.
    builder._statements = builder._statements.filter((s) => s.grouping !== 'where');
    builder._statements.push({
      grouping: 'where',
      type: 'whereWrapped',
      bool: 'and',
      not: false,
      value: function (this: Builder) {
        this._statements.push(...wheres);
      },
    });
  }
  builder.where(`${main}.tenant_id`, tenantId);
}

/** Sub-queries (a builder in a where, a from, a with or a union) belong to the same tenant. */
function scopeInside(value: unknown, tenantId: string, tenantTables: ReadonlySet<string>): void {
  if (value instanceof QueryBuilder) scope(value as Builder, tenantId, tenantTables);
  else if (Array.isArray(value)) for (const item of value) scopeInside(item, tenantId, tenantTables);
}

/** A where group or an EXISTS written as a callback runs when the query compiles: scope what it builds. */
function scopedCallback(callback: (...args: unknown[]) => unknown, tenantId: string, tenantTables: ReadonlySet<string>) {
  return function (this: unknown, ...args: unknown[]) {
    const result = callback.apply(this, args);
    if (this instanceof QueryBuilder) scope(this as Builder, tenantId, tenantTables);
    return result;
  };
}

function condition(join: Join, column: string, tenantId: string): void {
  if (join.clauses.some((c) => c.bool === 'or')) {
    const clauses = join.clauses;
    join.clauses = [];
    join.on(function (this: Join) {
      this.clauses.push(...clauses);
    });
  }
  join.andOnVal(column, '=', tenantId);
}

/** `core_unit as u` → `u`, `core_unit` → `core_unit`, `{ u: 'core_unit' }` → `u`; undefined for other tables. */
function tableRef(table: unknown, tenantTables: ReadonlySet<string>): string | undefined {
  if (typeof table === 'string') {
    const [name, alias] = table.trim().split(/\s+as\s+/i);
    return tenantTables.has(name) ? (alias ?? name) : undefined;
  }
  if (table && typeof table === 'object' && !(table instanceof QueryBuilder) && !Array.isArray(table)) {
    const entries = Object.entries(table as Record<string, unknown>);
    if (entries.length === 1 && typeof entries[0][1] === 'string' && tenantTables.has(entries[0][1])) return entries[0][0];
  }
  return undefined;
}
