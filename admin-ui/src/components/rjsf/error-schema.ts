import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../api/api-error';
import { fieldMessage, fieldPathOf } from '../field-errors';

/** RJSF's error tree (`ErrorSchema`): `__errors` at each node, children by property name or index. */
export interface SchemaErrorTree {
  __errors?: string[];
  [key: string]: SchemaErrorTree | string[] | undefined;
}

/**
 * The server's field issues under `prefix` (e.g. `body.config`) as RJSF `extraErrors`, so each
 * shows under its own field: `body.config.maxDays` → `{ maxDays: { __errors: [...] } }`.
 * Issues about the object itself land on its root; issues outside `prefix` are not included.
 */
export function issuesToErrorTree(t: TFunction<'errors'>, issues: FieldIssue[], prefix: string): SchemaErrorTree {
  const tree: SchemaErrorTree = {};
  for (const issue of issues) {
    if (issue.path !== prefix && !issue.path.startsWith(`${prefix}.`) && !issue.path.startsWith(`${prefix}[`)) continue;
    // fieldPathOf strips `body.` itself; the prefix's own segments are dropped here.
    const prefixLength = fieldPathOf(prefix).length;
    const segments = fieldPathOf(issue.path).slice(prefixLength);
    let node = tree;
    for (const segment of segments) {
      const key = String(segment);
      const child = node[key];
      const next: SchemaErrorTree = typeof child === 'object' && !Array.isArray(child) ? child : {};
      node[key] = next;
      node = next;
    }
    node.__errors = [...(node.__errors ?? []), fieldMessage(t, issue.message)];
  }
  return tree;
}

export const hasErrors = (tree: SchemaErrorTree) => Object.keys(tree).length > 0;
