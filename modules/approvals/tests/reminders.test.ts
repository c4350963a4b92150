import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../../../tests/helpers/test-platform.ts';
import { remindTenantTasks } from '../server/reminder.jobs.ts';
import { applyAs, approvalsWorld, approve, defineType, users, type ApprovalsWorld } from './approvals-world.ts';

const DAY = 86_400_000;

/**
 * A step waiting too long reminds its approver after the county's working days, once, and tells
 * the heads of the approver's unit after more; weekends do not count; a run repeated sends nothing.
 */
describe('approvals: reminders of waiting steps', () => {
  let platform: TestPlatform;
  let tenant: TestTenant;
  let world: ApprovalsWorld;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    tenant = await platform.createTenant('shizhong');
    world = await approvalsWorld(platform, tenant, { remindAfterWorkingDays: 1, escalateAfterWorkingDays: 2 });
  });
  afterAll(() => platform?.stop());

  const notices = (userId: string, kind: string) =>
    platform.ownerQuery('core_notification').where({ tenant_id: tenant.id, user_id: userId, kind }).select('title', 'link');

  it('reminds the approver once after a working day, then the heads of their unit after two; weekends do not count', async () => {
    // The deputy mayor of 九峰镇 decides; the mayor (镇长, the town's head) hears when it is overdue.
    const typeId = await defineType(world, tenant, '提醒', [approve('a', [users(world.users.deputy.userId)])]);
    const request = await applyAs(world, 'clerk', typeId, { reason: '提醒' });
    // Submitted on a Friday at 10:00 in the county: a working day later is Monday.
    const friday = new Date('2026-12-11T02:00:00Z');
    await platform.ownerQuery('approval_task').where({ tenant_id: tenant.id, request_id: request.id }).update({ created_at: friday });
    const run = (at: Date) => remindTenantTasks(platform.jobContext('approvals'), tenant.id, at);

    expect(await run(new Date(friday.getTime() + 2 * DAY))).toBe(0); // Sunday
    expect(await notices(world.users.deputy.userId, 'approvals.task.reminder')).toEqual([]);
    expect(await run(new Date(friday.getTime() + 3 * DAY))).toBe(1); // Monday
    expect(await run(new Date(friday.getTime() + 3 * DAY + 3_600_000))).toBe(0);
    const reminded = await notices(world.users.deputy.userId, 'approvals.task.reminder');
    expect(reminded).toEqual([expect.objectContaining({ link: `/approvals/requests/${request.id}` })]);
    expect(await notices(world.users.mayor.userId, 'approvals.task.escalated')).toEqual([]);

    await run(new Date(friday.getTime() + 4 * DAY)); // Tuesday: two working days
    await run(new Date(friday.getTime() + 4 * DAY + 3_600_000));
    expect((await notices(world.users.mayor.userId, 'approvals.task.escalated')).length).toBe(1);
    expect((await notices(world.users.deputy.userId, 'approvals.task.reminder')).length).toBe(1);
  });
});
