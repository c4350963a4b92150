import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../core/db/database.ts';
import { checkStatement, loadSqlParser } from './tenant-sql-rules.ts';
import { takeRecordedStatements } from './statement-recorder.ts';

/**
 * Checks the statements recorded since the last call against the Citus rules
 * (tests/sql-check/tenant-sql-rules.ts) and describes every one that breaks them, with the
 * code that issued it; empty when all hold.
 *
 * A ratchet: statements that broke the rules when the check was introduced are listed, one line
 * per (rule, table, function), in known-violations.txt and are reported only as that debt; any
 * other breaks the test. Fixing one means deleting its line. `SQL_CHECK_BASELINE=write` adds the
 * lines of the current run instead of failing (only for re-recording after a merge).
 */
const BASELINE_FILE = path.join(import.meta.dirname, 'known-violations.txt');

export async function tenantStatementProblems(db: Database): Promise<string> {
  const statements = takeRecordedStatements();
  if (statements.length === 0) return '';
  await loadSqlParser();
  const tenantTables = await tenantTableNames(db);
  const known = knownViolations();
  const problems: string[] = [];
  const fresh = new Set<string>();
  for (const { sql, origin } of statements) {
    for (const v of checkStatement(sql, tenantTables)) {
      const key = `${v.detail} at ${originFunction(origin)}`;
      if (known.has(key)) continue;
      fresh.add(key);
      problems.push(`${v.detail}\n    at ${origin}\n    ${sql}`);
    }
  }
  if (process.env.SQL_CHECK_BASELINE === 'write') {
    if (fresh.size > 0) fs.appendFileSync(BASELINE_FILE, [...fresh].map((k) => `${k}\n`).join(''));
    return '';
  }
  return problems.length === 0 ? '' : `${problems.length} statement(s) break the Citus rules (docs/SCALING.md):\n${problems.join('\n')}`;
}

/** `fn (path/to/file.ts:12:3) ← …` → `fn (path/to/file.ts)`: stable across edits above the line. */
function originFunction(origin: string): string {
  return origin.split(' ← ')[0].replace(/^at (async )?/, '').replace(/:\d+:\d+(\)?)$/, '$1');
}

function knownViolations(): Set<string> {
  if (!fs.existsSync(BASELINE_FILE)) return new Set();
  return new Set(fs.readFileSync(BASELINE_FILE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
}

let cached: Set<string> | undefined;

/** Tables with a tenant_id column: the ones distributed by tenant on Citus. */
async function tenantTableNames(db: Database): Promise<Set<string>> {
  if (cached) return cached;
  const { rows } = await db.owner.raw(`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`);
  cached = new Set((rows as { table_name: string }[]).map((r) => r.table_name));
  return cached;
}
