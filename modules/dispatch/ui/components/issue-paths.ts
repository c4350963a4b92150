import type { FieldIssue } from '../../../../admin-ui/src/module-kit';

/**
 * The server names a problem of one responsible unit `body.assignments[2].deadline`; the form
 * edits the units as one field, so such issues land on `body.assignments`, prefixed with the
 * unit's name. `renames` maps API fields to the form's (`attachmentIds` → `attachments`).
 */
export function foldIssues(
  issues: FieldIssue[],
  unitNameAt: (index: number) => string | undefined,
  renames: Record<string, string> = {},
): FieldIssue[] {
  return issues.map((issue) => {
    const row = /^body\.assignments\[(\d+)\]/.exec(issue.path);
    if (row) return { path: 'body.assignments', message: `${unitNameAt(Number(row[1])) ?? `#${Number(row[1]) + 1}`}：${issue.message}` };
    for (const [from, to] of Object.entries(renames))
      if (issue.path === `body.${from}` || issue.path.startsWith(`body.${from}[`)) return { ...issue, path: `body.${to}` };
    return issue;
  });
}
