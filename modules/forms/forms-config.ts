import type { Knex } from 'knex';
import { moduleConfig } from '../../core/module-kit.ts';

/**
 * What a tenant admin can set for the forms module. The defaults live here once: the manifest's
 * configSchema carries them (the platform fills a tenant's config from it), and `formsConfig`
 * falls back to them for anything a stored config lacks.
 */
export const FORMS_CONFIG_DEFAULTS = {
  reminderDaysBefore: 1,
  smsReminders: false,
  maxFilesPerSubmission: 20,
  maxSubmissionKilobytes: 256,
  quietHoursFrom: 0,
  quietHoursTo: 0,
} as const;

export interface FormsConfig {
  reminderDaysBefore: number;
  smsReminders: boolean;
  maxFilesPerSubmission: number;
  maxSubmissionKilobytes: number;
  /** Automatic reminders wait out these hours of the county's clock (equal: none). */
  quietHoursFrom: number;
  quietHoursTo: number;
}

export const formsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reminderDaysBefore: {
      type: 'integer',
      title: '截止前几天自动提醒',
      minimum: 0,
      maximum: 30,
      default: FORMS_CONFIG_DEFAULTS.reminderDaysBefore,
    },
    smsReminders: { type: 'boolean', title: '提醒同时发送短信', default: FORMS_CONFIG_DEFAULTS.smsReminders },
    maxFilesPerSubmission: {
      type: 'integer',
      title: '每份填报最多附件数',
      minimum: 0,
      maximum: 100,
      default: FORMS_CONFIG_DEFAULTS.maxFilesPerSubmission,
    },
    maxSubmissionKilobytes: {
      type: 'integer',
      title: '每份填报数据上限（KB）',
      minimum: 16,
      maximum: 900,
      default: FORMS_CONFIG_DEFAULTS.maxSubmissionKilobytes,
    },
    quietHoursFrom: { type: 'integer', title: '免打扰开始（时）', minimum: 0, maximum: 23, default: FORMS_CONFIG_DEFAULTS.quietHoursFrom },
    quietHoursTo: { type: 'integer', title: '免打扰结束（时）', minimum: 0, maximum: 23, default: FORMS_CONFIG_DEFAULTS.quietHoursTo },
  },
} as const;

export const formsConfigUiSchema = {
  'ui:order': ['reminderDaysBefore', 'smsReminders', 'quietHoursFrom', 'quietHoursTo', 'maxFilesPerSubmission', 'maxSubmissionKilobytes'],
  reminderDaysBefore: { 'ui:widget': 'updown', 'ui:help': '0 表示只在截止当天提醒；每个填报对象每期只自动提醒一次' },
  smsReminders: { 'ui:help': '关闭时只发站内提醒；短信发往账号或通讯录中的手机号' },
  quietHoursFrom: {
    'ui:widget': 'updown',
    'ui:help':
      '本县时间。开始与结束相同表示不设免打扰；例如 21 和 8：晚 9 点到早 8 点之间不发自动提醒，顺延到 8 点后的第一次检查（人工提醒不受影响）',
  },
  quietHoursTo: { 'ui:widget': 'updown' },
  maxFilesPerSubmission: { 'ui:widget': 'updown', 'ui:help': '一份填报中照片和文件的总数上限' },
  maxSubmissionKilobytes: { 'ui:widget': 'updown', 'ui:help': '不含附件本身，附件按文件单独上传' },
} as const;

/**
 * The tenant's forms config, read in the tenant's transaction (RLS scopes the row). The platform
 * validated it against the schema when it was saved; defaults fill what it lacks.
 */
export function formsConfig(trx: Knex.Transaction): Promise<FormsConfig> {
  return moduleConfig<FormsConfig>(trx, 'forms', FORMS_CONFIG_DEFAULTS);
}
