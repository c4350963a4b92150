import type { Knex } from 'knex';
import { moduleConfig } from '../../core/module-kit.ts';

/** What a county admin sets for approvals; the manifest's configSchema carries the same defaults. */
export const APPROVALS_CONFIG_DEFAULTS = {
  /** A step whose approvers resolve to nobody: pass it to the county's administrators, or skip it. */
  emptyApprovers: 'admin' as 'admin' | 'skip',
  /** The applicant among a step's approvers: decides like anyone (self), or their part passes at once (skip). */
  applicantApprover: 'skip' as 'self' | 'skip',
  /** Positions whose holders are a unit's head (for "the head of the applicant's unit" steps). */
  headPositionNames: ['书记', '主任', '局长', '镇长', '乡长', '县长', '部长', '站长', '科长', '所长'] as string[],
  /** Working days a step may wait before its approvers are reminded. */
  remindAfterWorkingDays: 1,
  /** Working days after which the heads of the approver's unit hear of a waiting task too; 0: never. */
  escalateAfterWorkingDays: 3,
  smsReminders: true,
  /** Hours between two urges (催办) of one request by its applicant. */
  urgeIntervalHours: 24,
};

export type ApprovalsConfig = typeof APPROVALS_CONFIG_DEFAULTS;

const D = APPROVALS_CONFIG_DEFAULTS;

export const approvalsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    emptyApprovers: {
      type: 'string',
      title: '审批人为空时',
      enum: ['admin', 'skip'],
      default: D.emptyApprovers,
      description: 'admin: 转交管理员; skip: 自动通过',
    },
    applicantApprover: {
      type: 'string',
      title: '审批人是发起人本人时',
      enum: ['self', 'skip'],
      default: D.applicantApprover,
      description: 'self: 由本人审批; skip: 自动通过',
    },
    headPositionNames: {
      type: 'array',
      title: '视为单位负责人的职务',
      items: { type: 'string', minLength: 1, maxLength: 20 },
      maxItems: 30,
      default: D.headPositionNames,
    },
    remindAfterWorkingDays: {
      type: 'integer',
      title: '待审批多少个工作日后提醒',
      minimum: 1,
      maximum: 30,
      default: D.remindAfterWorkingDays,
    },
    escalateAfterWorkingDays: {
      type: 'integer',
      title: '待审批多少个工作日后告知审批人的单位负责人（0：不告知）',
      minimum: 0,
      maximum: 60,
      default: D.escalateAfterWorkingDays,
    },
    smsReminders: { type: 'boolean', title: '提醒同时发短信', default: D.smsReminders },
    urgeIntervalHours: { type: 'integer', title: '催办间隔（小时）', minimum: 1, maximum: 168, default: D.urgeIntervalHours },
  },
} as const;

export function approvalsConfig(trx: Knex.Transaction): Promise<ApprovalsConfig> {
  return moduleConfig(trx, 'approvals', APPROVALS_CONFIG_DEFAULTS);
}
