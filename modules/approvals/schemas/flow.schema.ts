import type { FromSchema } from 'json-schema-to-ts';
import { uuid } from '../../../core/schemas/schema-kit.ts';

/**
 * An approval flow as DingTalk and Feishu draw it: a column of nodes, where a condition node
 * splits into branches of which the first whose rule holds is taken, and a parallel node into
 * branches that all run and join before the next node. Stored flat — each node names the branch
 * it sits in (`parent`), in order — so the schema has no recursion; the server checks that the
 * parents form a tree (a loop is refused) and every rule names a field of the form.
 */
const nodeId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' } as const;
const label = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[^<>\\u0000-\\u001f\\u007f]*$' } as const;

export const approverRule = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  description:
    'users: named accounts; role: the accounts holding a role (sameUnit: only in the applicant’s unit); head: the head of the applicant’s unit, levelsUp levels above it; chosen: picked by the applicant (from userIds, or anyone when empty)',
  properties: {
    kind: { type: 'string', enum: ['users', 'role', 'head', 'chosen'] },
    userIds: { type: 'array', items: uuid, maxItems: 50, uniqueItems: true },
    roleId: uuid,
    sameUnit: { type: 'boolean' },
    levelsUp: { type: 'integer', minimum: 0, maximum: 5 },
  },
} as const;
export type ApproverRule = FromSchema<typeof approverRule>;

export const conditionRule = {
  type: 'object',
  required: ['field', 'op'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 100, description: 'A top-level field of the form' },
    op: { type: 'string', enum: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'empty', 'notEmpty'] },
    value: { description: 'A string, number or boolean; for `in` a list of them' },
  },
} as const;
export type ConditionRule = FromSchema<typeof conditionRule>;

export const branch = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: nodeId,
    name: label,
    /** Condition branches: the rules, all or any of which must hold; absent or null: the "otherwise" branch. */
    when: {
      type: ['object', 'null'],
      required: ['match', 'rules'],
      additionalProperties: false,
      properties: {
        match: { type: 'string', enum: ['all', 'any'] },
        rules: { type: 'array', items: conditionRule, minItems: 1, maxItems: 20 },
      },
    },
  },
} as const;
export type FlowBranch = FromSchema<typeof branch>;

export const flowNode = {
  type: 'object',
  required: ['id', 'kind', 'name'],
  additionalProperties: false,
  properties: {
    id: nodeId,
    kind: { type: 'string', enum: ['approve', 'cc', 'condition', 'parallel'] },
    name: label,
    /** The branch this node sits in; absent or null: the main column. */
    parent: {
      type: ['object', 'null'],
      required: ['node', 'branch'],
      additionalProperties: false,
      properties: { node: nodeId, branch: nodeId },
    },
    approvers: { type: 'array', items: approverRule, minItems: 1, maxItems: 10 },
    mode: { type: 'string', enum: ['any', 'all', 'sequential'], description: 'any: 或签; all: 会签; sequential: 依次' },
    branches: { type: 'array', items: branch, minItems: 2, maxItems: 10 },
  },
} as const;
export type FlowNode = FromSchema<typeof flowNode>;

export const flowDefinition = {
  type: 'object',
  required: ['nodes'],
  additionalProperties: false,
  properties: { nodes: { type: 'array', items: flowNode, minItems: 1, maxItems: 100 } },
} as const;
export type FlowDefinition = FromSchema<typeof flowDefinition>;
