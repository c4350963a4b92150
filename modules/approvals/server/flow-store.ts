import type { Knex } from 'knex';
import type { FlowDefinition } from '../schemas/flow.schema.ts';
import { checkFlow, type FlowTree } from './flow-tree.ts';

export interface FlowVersion {
  typeId: string;
  version: number;
  formVersion: number;
  flow: FlowDefinition;
  tree: FlowTree;
}

/** A stored flow version as a tree (it was checked when saved; its form fields are not needed again). */
export async function loadFlowVersion(trx: Knex.Transaction, typeId: string, version: number): Promise<FlowVersion> {
  const row: { flow: FlowDefinition; form_version: number } = await trx('approval_flow_version')
    .where({ type_id: typeId, version })
    .first('flow', 'form_version');
  const { tree } = checkFlow(row.flow, new Set(), 'flow');
  return { typeId, version, formVersion: row.form_version, flow: row.flow, tree };
}
