import type { Knex } from 'knex';
import { moduleConfig } from '../../core/module-kit.ts';

/**
 * What a tenant admin can set for dispatch: light thresholds, reminder timing and texts, the
 * escalation ladder. Defaults live here once: the manifest's configSchema carries them and
 * `dispatchConfig` falls back to them for anything a stored config lacks.
 */
export const DISPATCH_CONFIG_DEFAULTS = {
  yellowDaysBeforeDeadline: 3,
  blueAheadPercent: 10,
  problemTurnsYellow: true,
  unopenedReminderHours: 24,
  reminderDaysBeforeDeadline: [3, 1] as number[],
  periodReminderDaysBeforeDue: 2,
  escalateOverdueToHead: true,
  headPositionNames: ['书记', '主任', '局长', '镇长', '乡长', '县长', '部长', '站长'] as string[],
  smsReminders: true,
  // Equal hours: no quiet hours.
  quietHoursFrom: 0,
  quietHoursTo: 0,
  reminderTexts: {
    unopened: '任务“{task}”已下达{hours}小时仍未查收，请及时处理。',
    beforeDeadline: '任务“{task}”将于{deadline}到期（还剩{days}天），请按时办结。',
    overdue: '任务“{task}”（{unit}）已于{deadline}逾期，请督促办理。',
    urge: '请加快办理任务“{task}”，截止时间{deadline}。',
    periodDue: '任务“{task}”{period}进展尚未报送，请于{deadline}前报送。',
  },
  escalationLadder: ['urge', 'notice', 'interview'] as ('urge' | 'notice' | 'interview')[],
  maxPhotosPerReport: 9,
  directAggregationMaxRows: 500,
};

export type DispatchConfig = typeof DISPATCH_CONFIG_DEFAULTS;
export type ReminderTextKey = keyof DispatchConfig['reminderTexts'];

const reminderText = { type: 'string', minLength: 1, maxLength: 200 } as const;
const D = DISPATCH_CONFIG_DEFAULTS;

export const dispatchConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    yellowDaysBeforeDeadline: { type: 'integer', title: '截止前几天亮黄灯', minimum: 0, maximum: 60, default: D.yellowDaysBeforeDeadline },
    blueAheadPercent: { type: 'integer', title: '进度超前多少个百分点亮蓝灯', minimum: 1, maximum: 100, default: D.blueAheadPercent },
    problemTurnsYellow: { type: 'boolean', title: '报告存在问题时亮黄灯', default: D.problemTurnsYellow },
    unopenedReminderHours: { type: 'integer', title: '下达后几小时未查收提醒', minimum: 1, maximum: 720, default: D.unopenedReminderHours },
    reminderDaysBeforeDeadline: {
      type: 'array',
      title: '截止前几天提醒',
      items: { type: 'integer', minimum: 0, maximum: 60 },
      maxItems: 5,
      uniqueItems: true,
      default: D.reminderDaysBeforeDeadline,
    },
    periodReminderDaysBeforeDue: {
      type: 'integer',
      title: '定期报送截止前几天提醒未报单位',
      minimum: 1,
      maximum: 30,
      default: D.periodReminderDaysBeforeDue,
    },
    escalateOverdueToHead: { type: 'boolean', title: '逾期时提醒责任单位负责人', default: D.escalateOverdueToHead },
    headPositionNames: {
      type: 'array',
      title: '视为单位负责人的职务',
      items: { type: 'string', minLength: 1, maxLength: 20 },
      maxItems: 20,
      default: D.headPositionNames,
    },
    smsReminders: { type: 'boolean', title: '提醒同时发送短信', default: D.smsReminders },
    quietHoursFrom: { type: 'integer', title: '免打扰开始（时）', minimum: 0, maximum: 23, default: D.quietHoursFrom },
    quietHoursTo: { type: 'integer', title: '免打扰结束（时）', minimum: 0, maximum: 23, default: D.quietHoursTo },
    reminderTexts: {
      type: 'object',
      title: '提醒文字',
      additionalProperties: false,
      properties: {
        unopened: { ...reminderText, title: '未查收', default: D.reminderTexts.unopened },
        beforeDeadline: { ...reminderText, title: '即将到期', default: D.reminderTexts.beforeDeadline },
        overdue: { ...reminderText, title: '逾期（发负责人）', default: D.reminderTexts.overdue },
        urge: { ...reminderText, title: '催办', default: D.reminderTexts.urge },
        periodDue: { ...reminderText, title: '定期报送', default: D.reminderTexts.periodDue },
      },
      default: D.reminderTexts,
    },
    escalationLadder: {
      type: 'array',
      title: '督办升级顺序',
      items: { type: 'string', enum: ['urge', 'notice', 'interview'] },
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
      default: D.escalationLadder,
    },
    maxPhotosPerReport: { type: 'integer', title: '每次报告最多照片数', minimum: 0, maximum: 30, default: D.maxPhotosPerReport },
    directAggregationMaxRows: {
      type: 'integer',
      title: '直接下载汇总表的最大行数',
      minimum: 10,
      maximum: 5000,
      default: D.directAggregationMaxRows,
    },
  },
} as const;

export const dispatchConfigUiSchema = {
  quietHoursFrom: {
    'ui:help':
      '按本县时区（默认北京时间）。开始与结束相同表示不设免打扰；例如 21 和 8：晚 9 点到早 8 点之间的短信（提醒、催办、督办、批示、新任务、诉求）顺延到早 8 点发出，站内消息照常即时送达',
  },
  reminderTexts: {
    'ui:description': '可用占位符：{task} 任务、{unit} 单位、{deadline} 截止时间、{days} 剩余天数、{hours} 小时数、{period} 期次',
  },
  escalationLadder: { 'ui:help': '催办 urge → 督办通知 notice → 约谈 interview' },
} as const;

/** The tenant's dispatch config, read in its transaction; defaults fill what a stored config lacks. */
export function dispatchConfig(trx: Knex.Transaction): Promise<DispatchConfig> {
  return moduleConfig<DispatchConfig>(trx, 'dispatch', D);
}

/** A reminder text with its placeholders filled; unknown placeholders stay as written. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
