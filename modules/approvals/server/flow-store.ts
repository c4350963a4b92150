import type { Knex } from 'knex';
import type { FlowDefinition } from '../schemas/flow.schema.ts';
import { flowTree, type FlowTree } from './flow-tree.ts';

export interface FlowVersion {
  typeId: string;
  version: number;
  formVersion: number;
  flow: FlowDefinition;
  tree: FlowTree;
}

/** A stored flow version as a tree (it was checked when saved: not again on every decision). */
export async function loadFlowVersion(trx: Knex.Transaction, typeId: string, version: number): Promise<FlowVersion> {
  const row: { flow: FlowDefinition; form_version: number } = await trx('approval_flow_version')
    .where({ type_id: typeId, version })
    .first('flow', 'form_version');
  return { typeId, version, formVersion: row.form_version, flow: row.flow, tree: flowTree(row.flow) };
}
