import type { FlowNode } from '../schemas/flow.schema.ts';
import { branchHolds } from './condition.ts';
import { columnKey, MAIN_COLUMN, type FlowTree } from './flow-tree.ts';

/** A step of a submitted request: an approval or copy-to node, after the steps it waits for. */
export interface PlannedStep {
  seq: number;
  node: FlowNode;
  /** The `seq` of the steps that must be done first: the one before it, or each branch's last after a parallel block. */
  after: number[];
}

export class NoBranchError extends Error {
  constructor(readonly nodeId: string) {
    super(`No branch of condition node ${nodeId} holds`);
  }
}

/**
 * Lays a flow out for one request's answers: each condition takes its first branch whose rules
 * hold (else its "otherwise" branch; none: NoBranchError), each parallel node runs all its
 * branches from the same point and the node after it waits for every branch's end (the join).
 * Conditions read only the form's answers, so the path is known at submission; approvers are
 * found later, when each step starts.
 */
export function planFlow(tree: FlowTree, data: Record<string, unknown>): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const layColumn = (key: string, after: number[]): number[] => {
    let tails = after;
    for (const node of tree.columns.get(key) ?? []) tails = layNode(node, tails);
    return tails;
  };
  const layNode = (node: FlowNode, after: number[]): number[] => {
    if (node.kind === 'approve' || node.kind === 'cc') {
      const seq = steps.length;
      steps.push({ seq, node, after });
      return [seq];
    }
    const branches = node.branches ?? [];
    if (node.kind === 'parallel') return branches.flatMap((b) => layColumn(columnKey(node.id, b.id), after));
    const taken = branches.find((b) => b.when && branchHolds(b.when, data)) ?? branches.find((b) => !b.when);
    if (!taken) throw new NoBranchError(node.id);
    return layColumn(columnKey(node.id, taken.id), after);
  };
  layColumn(MAIN_COLUMN, []);
  return steps;
}
