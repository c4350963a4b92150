import { expect } from 'vitest';
import type { ScopedUser } from '../../../tests/helpers/org-fixtures.ts';
import type { TestPlatform, TestTenant } from '../../../tests/helpers/test-platform.ts';
import { applyWorld } from '../../../tests/helpers/test-world.ts';

/**
 * A county for approvals tests (tests/fixtures/worlds/shizhong-county.json + approvals-staff.json):
 * a clerk of 红旗村 (under 九峰镇), the town's mayor (镇长: the head of 九峰镇) and deputy mayor,
 * the county governor, two finance reviewers holding the role 财务审核, an HR manager holding
 * `approvals.manage` over the county, and an outsider of 白马村. Forms and approvals are enabled,
 * with a published leave form: reason (text), days and amount (numbers).
 */
export type ApprovalsUser = 'clerk' | 'mayor' | 'deputy' | 'governor' | 'finance1' | 'finance2' | 'hr-manager' | 'outsider';

export interface ApprovalsWorld {
  base: string;
  formId: string;
  financeRoleId: string;
  users: Record<ApprovalsUser, ScopedUser>;
}

export const leaveForm = {
  type: 'object',
  required: ['reason'],
  properties: {
    reason: { type: 'string', title: '事由', maxLength: 200 },
    days: { type: 'number', title: '天数', minimum: 0 },
    amount: { type: 'number', title: '金额', minimum: 0 },
  },
};

export async function enableApprovals(tenant: TestTenant, config?: Record<string, unknown>): Promise<void> {
  for (const module of ['forms', 'approvals']) {
    const response = await tenant.admin.post(`${tenant.base}/modules/${module}/enable`);
    expect(response.statusCode, response.body).toBe(200);
  }
  if (config) {
    const saved = await tenant.admin.put(`${tenant.base}/modules/approvals/config`, { config });
    expect(saved.statusCode, saved.body).toBe(200);
  }
}

export async function approvalsWorld(
  platform: TestPlatform,
  tenant: TestTenant,
  config?: Record<string, unknown>,
): Promise<ApprovalsWorld> {
  await enableApprovals(tenant, config);
  const { users } = await applyWorld(platform, tenant, ['shizhong-county.json', 'approvals-staff.json']);
  const created = await tenant.admin.post(`${tenant.base}/forms/forms`, {
    name: '请假单',
    category: '审批',
    schema: leaveForm,
    uiSchema: {},
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await tenant.admin.post(`${tenant.base}/forms/forms/${created.json().id}/publish`, {});
  expect(published.statusCode, published.body).toBe(201);
  const role: { id: string } = await platform.ownerQuery('core_role').where({ tenant_id: tenant.id, name: '财务审核' }).first('id');
  return { base: `${tenant.base}/approvals`, formId: created.json().id, financeRoleId: role.id, users: users as ApprovalsWorld['users'] };
}

/** An approval node; `parent` places it in a branch. */
export const approve = (
  id: string,
  approvers: Record<string, unknown>[],
  extra: { mode?: 'any' | 'all' | 'sequential'; parent?: { node: string; branch: string } } = {},
) => ({ id, kind: 'approve', name: `审批${id}`, approvers, ...extra });

export const users = (...ids: string[]) => ({ kind: 'users', userIds: ids });

/** Defines a type with the world's form and this flow; answers its id. */
export async function defineType(world: ApprovalsWorld, tenant: TestTenant, name: string, nodes: unknown[]): Promise<string> {
  const response = await tenant.admin.post(`${world.base}/types`, { name, formId: world.formId, flow: { nodes } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export interface RequestPage {
  id: string;
  status: string;
  steps: {
    id: string;
    nodeId: string;
    status: string;
    tasks: { id: string; approver: { id: string }; status: string; onBehalfOf: { id: string } | null }[];
  }[];
  history: { kind: string; actor: { id: string } | null; onBehalfOf: { id: string } | null; comment: string }[];
  myTaskId: string | null;
  canWithdraw: boolean;
}

/** The clerk (or another) applies with a type: the request page. */
export async function applyAs(
  world: ApprovalsWorld,
  who: ApprovalsUser,
  typeId: string,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<RequestPage> {
  const response = await world.users[who].client.post(`${world.base}/requests`, { typeId, title: `${who}的申请`, data, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The waiting task of `who` on a request (their own or one they stand in for), read from their view. */
export async function taskOf(world: ApprovalsWorld, who: ApprovalsUser, requestId: string): Promise<string | null> {
  const response = await world.users[who].client.get(`${world.base}/requests/${requestId}`);
  if (response.statusCode !== 200) return null;
  return response.json().myTaskId;
}

export async function decideAs(world: ApprovalsWorld, who: ApprovalsUser, requestId: string, body: Record<string, unknown>) {
  const taskId = await taskOf(world, who, requestId);
  expect(taskId, `${who} has a task on the request`).toBeTruthy();
  return world.users[who].client.post(`${world.base}/tasks/${taskId}/decision`, body);
}
