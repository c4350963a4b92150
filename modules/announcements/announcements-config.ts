/**
 * What a county admin sets for announcements: the editor's starting values. Defaults live here
 * once; the manifest's configSchema carries them.
 */
export const ANNOUNCEMENTS_CONFIG_DEFAULTS = {
  // A new notice starts with "also send SMS" switched on.
  smsByDefault: false,
  // A new notice starts asking for a confirmation of receipt (确认收到).
  confirmationByDefault: false,
};

export type AnnouncementsConfig = typeof ANNOUNCEMENTS_CONFIG_DEFAULTS;

export const announcementsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    smsByDefault: { type: 'boolean', title: '新通知默认同时发送短信', default: ANNOUNCEMENTS_CONFIG_DEFAULTS.smsByDefault },
    confirmationByDefault: {
      type: 'boolean',
      title: '新通知默认要求确认收到',
      default: ANNOUNCEMENTS_CONFIG_DEFAULTS.confirmationByDefault,
    },
  },
} as const;
