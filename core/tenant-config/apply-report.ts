/** What one apply changed, item by item; an apply that changes nothing has no changes. */
export type ChangeOp = 'create' | 'update' | 'remove';
export type ChangeKind =
  'tenant' | 'profile' | 'unit' | 'position' | 'person' | 'role' | 'admin' | 'account' | 'module' | 'moduleData' | 'customFields';

export type ConfigChange = {
  op: ChangeOp;
  kind: ChangeKind;
  /** What identifies the item in the file: a unit code or path, a phone, a role name, a username… */
  key: string;
  /** For updates: the fields that changed. */
  fields?: string[];
};

export type ApplyReport = {
  slug: string;
  tenantCreated: boolean;
  dryRun: boolean;
  prune: boolean;
  /** Number of changes; 0 when the tenant already matched the file. */
  total: number;
  /** Counts per kind and operation, e.g. `{ unit: { create: 12 } }`. */
  summary: Partial<Record<ChangeKind, Partial<Record<ChangeOp, number>>>>;
  changes: ConfigChange[];
  /** Admins created with a generated password: shown once, never stored in clear. */
  generatedPasswords: { username: string; password: string }[];
};

/** Collects changes while an apply runs. */
export class ReportBuilder {
  readonly changes: ConfigChange[] = [];
  readonly generatedPasswords: { username: string; password: string }[] = [];

  add(op: ChangeOp, kind: ChangeKind, key: string, fields?: string[]): void {
    this.changes.push(fields ? { op, kind, key, fields } : { op, kind, key });
  }

  build(base: { slug: string; tenantCreated: boolean; dryRun: boolean; prune: boolean }): ApplyReport {
    const summary: ApplyReport['summary'] = {};
    for (const change of this.changes) {
      const counts = (summary[change.kind] ??= {});
      counts[change.op] = (counts[change.op] ?? 0) + 1;
    }
    return {
      ...base,
      total: this.changes.length,
      summary,
      changes: this.changes,
      generatedPasswords: base.dryRun ? [] : this.generatedPasswords,
    };
  }
}

/** The report as lines for a terminal. */
export function formatReport(report: ApplyReport): string[] {
  const head = `${report.dryRun ? '[dry run] ' : ''}tenant "${report.slug}"${report.tenantCreated ? ' (created)' : ''}: ${report.total === 0 ? 'no changes' : `${report.total} change(s)`}`;
  const lines = [head];
  for (const change of report.changes)
    lines.push(`  ${change.op.padEnd(6)} ${change.kind.padEnd(12)} ${change.key}${change.fields ? `  (${change.fields.join(', ')})` : ''}`);
  for (const { username, password } of report.generatedPasswords)
    lines.push(`  admin ${username}: generated password ${password} (shown once; change it at first sign-in)`);
  return lines;
}
