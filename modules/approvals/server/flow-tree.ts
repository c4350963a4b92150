import type { ErrorDetail } from '../../../core/module-kit.ts';
import type { FlowDefinition, FlowNode } from '../schemas/flow.schema.ts';

/** The flow as a tree: the main column, and each branch's column by `<node>/<branch>`. */
export interface FlowTree {
  columns: Map<string, FlowNode[]>;
  nodes: Map<string, FlowNode>;
}

export const MAIN_COLUMN = '';
export const columnKey = (node: string, branch: string) => `${node}/${branch}`;

/**
 * Reads a flow and lists every problem of its shape, each at `<path>.nodes[i].<field>`: ids used
 * twice, a parent that is not a branch of a condition or parallel node, parents that loop, nodes
 * missing what their kind needs, conditions on fields the form does not have, rules whose value
 * does not fit their operator, and a flow with no approval node at all. An empty list: a tree.
 */
export function checkFlow(
  flow: FlowDefinition,
  formFields: ReadonlySet<string>,
  path: string,
): { tree: FlowTree; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const at = (i: number, field: string) => `${path}.nodes[${i}].${field}`;
  const nodes = new Map<string, FlowNode>();
  flow.nodes.forEach((node, i) => {
    if (nodes.has(node.id)) problems.push({ path: at(i, 'id'), message: 'is used by another node' });
    nodes.set(node.id, node);
  });

  flow.nodes.forEach((node, i) => {
    const splits = node.kind === 'condition' || node.kind === 'parallel';
    if (splits) {
      if (!node.branches) problems.push({ path: at(i, 'branches'), message: `a ${node.kind} node needs at least two branches` });
      if (node.approvers) problems.push({ path: at(i, 'approvers'), message: `a ${node.kind} node has no approvers of its own` });
    } else {
      if (!node.approvers) problems.push({ path: at(i, 'approvers'), message: 'needs at least one approver rule' });
      if (node.branches) problems.push({ path: at(i, 'branches'), message: `an ${node.kind} node has no branches` });
    }
    const branchIds = new Set<string>();
    let otherwise = 0;
    node.branches?.forEach((branch, b) => {
      if (branchIds.has(branch.id)) problems.push({ path: at(i, `branches[${b}].id`), message: 'is used by another branch of this node' });
      branchIds.add(branch.id);
      if (node.kind === 'parallel' && branch.when)
        problems.push({ path: at(i, `branches[${b}].when`), message: 'parallel branches all run: they take no condition' });
      if (node.kind === 'condition' && !branch.when && ++otherwise > 1)
        problems.push({ path: at(i, `branches[${b}].when`), message: 'only one branch may be the "otherwise" branch' });
      branch.when?.rules.forEach((rule, r) => {
        const rulePath = at(i, `branches[${b}].when.rules[${r}]`);
        if (!formFields.has(rule.field)) problems.push({ path: `${rulePath}.field`, message: 'is not a field of the form' });
        const problem = valueProblem(rule.op, rule.value);
        if (problem) problems.push({ path: `${rulePath}.value`, message: problem });
      });
    });
    node.approvers?.forEach((rule, r) => {
      const rulePath = at(i, `approvers[${r}]`);
      if (rule.kind === 'users' && !rule.userIds?.length) problems.push({ path: `${rulePath}.userIds`, message: 'names nobody' });
      if (rule.kind === 'role' && !rule.roleId) problems.push({ path: `${rulePath}.roleId`, message: 'is required for a role rule' });
    });
    if (node.parent) {
      const holder = nodes.get(node.parent.node);
      if (!holder || !holder.branches?.some((b) => b.id === node.parent!.branch))
        problems.push({ path: at(i, 'parent'), message: 'is not a branch of a condition or parallel node of this flow' });
    }
  });

  // Parents must end at the main column: following them from any node never meets it again.
  flow.nodes.forEach((node, i) => {
    const seen = new Set<string>([node.id]);
    for (let parent = node.parent; parent; parent = nodes.get(parent.node)?.parent) {
      if (seen.has(parent.node)) {
        problems.push({ path: at(i, 'parent'), message: 'makes a loop: the node sits inside its own branch' });
        break;
      }
      seen.add(parent.node);
    }
  });
  if (!flow.nodes.some((n) => n.kind === 'approve')) problems.push({ path: `${path}.nodes`, message: 'has no approval node' });

  return { tree: flowTree(flow), problems };
}

/** A flow as a tree, without checking it: for flows checked when they were saved. */
export function flowTree(flow: FlowDefinition): FlowTree {
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  const columns = new Map<string, FlowNode[]>([[MAIN_COLUMN, []]]);
  for (const node of flow.nodes) {
    const key = node.parent ? columnKey(node.parent.node, node.parent.branch) : MAIN_COLUMN;
    columns.set(key, [...(columns.get(key) ?? []), node]);
  }
  return { columns, nodes };
}

function valueProblem(op: string, value: unknown): string | null {
  const primitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (op === 'empty' || op === 'notEmpty') return value === undefined ? null : 'takes no value';
  if (op === 'in') return Array.isArray(value) && value.length > 0 && value.every(primitive) ? null : 'must be a list of values';
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') return typeof value === 'number' ? null : 'must be a number';
  return primitive(value) ? null : 'must be a string, number or boolean';
}
