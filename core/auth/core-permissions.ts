/** Permissions of the core platform; each module adds its own in its manifest. */
export const CORE_PERMISSIONS = [
  { id: 'core.org.read', name: { 'zh-CN': '查看通讯录', en: 'View directory' } },
  { id: 'core.org.manage', name: { 'zh-CN': '管理通讯录', en: 'Manage directory' } },
  { id: 'core.users.manage', name: { 'zh-CN': '管理账号', en: 'Manage accounts' } },
  { id: 'core.roles.manage', name: { 'zh-CN': '管理角色与权限', en: 'Manage roles and permissions' } },
  { id: 'core.modules.manage', name: { 'zh-CN': '管理模块', en: 'Manage modules' } },
  { id: 'core.custom_fields.manage', name: { 'zh-CN': '管理自定义字段', en: 'Manage custom fields' } },
  { id: 'core.audit.read', name: { 'zh-CN': '查看操作日志', en: 'View audit trail' } },
  { id: 'core.calendar.manage', name: { 'zh-CN': '管理工作日历', en: 'Manage working-day calendar' } },
] as const;

export type CorePermission = (typeof CORE_PERMISSIONS)[number]['id'];

export const CORE_MODULE_NAME = { 'zh-CN': '平台基础', en: 'Platform core' };
