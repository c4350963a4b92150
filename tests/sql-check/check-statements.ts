import type { Database } from '../../core/db/database.ts';
import { checkStatement, loadSqlParser } from './tenant-sql-rules.ts';
import { takeRecordedStatements } from './statement-recorder.ts';

/**
 * Checks the statements recorded since the last call against the Citus rules
 * (tests/sql-check/tenant-sql-rules.ts) and describes every one that breaks them, with the
 * code that issued it; empty when all hold. Any break fails the test file that caused it.
 */
export async function tenantStatementProblems(db: Database): Promise<string> {
  const statements = takeRecordedStatements();
  if (statements.length === 0) return '';
  await loadSqlParser();
  const tenantTables = await tenantTableNames(db);
  const problems: string[] = [];
  for (const { sql, origin } of statements) {
    for (const v of checkStatement(sql, tenantTables)) problems.push(`${v.detail}\n    at ${origin}\n    ${sql}`);
  }
  return problems.length === 0 ? '' : `${problems.length} statement(s) break the Citus rules (docs/SCALING.md):\n${problems.join('\n')}`;
}

let cached: Set<string> | undefined;

/** Tables with a tenant_id column: the ones distributed by tenant on Citus. */
async function tenantTableNames(db: Database): Promise<Set<string>> {
  if (cached) return cached;
  const { rows } = await db.owner.raw(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`,
  );
  cached = new Set((rows as { table_name: string }[]).map((r) => r.table_name));
  return cached;
}
