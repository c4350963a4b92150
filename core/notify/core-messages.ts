import { defineMessages, isMessageLanguage, MessageCatalogues, DEFAULT_MESSAGE_LANGUAGE } from './messages.ts';

/**
 * Core's own server-written texts, in both languages (see core/notify/messages.ts). Modules keep
 * theirs in `modules/<id>/locales/notifications.ts`.
 */
export const coreMessages = defineMessages('core', {
  // An SMS to a person a bulk operation gave an account: the account has no language yet, so it
  // goes in the county's. Sent directly (core/notify/sms-outbox.ts), never stored in an inbox.
  'accounts.initialPassword': {
    'zh-CN': '【{county}】您的账号已开通：登录名 {username}，初始密码 {password}，请在 {signInUrl} 登录后修改密码。',
    en: '{county}: your account is ready. Login {username}, initial password {password}. Sign in at {signInUrl} and choose a new password.',
  },
  // An export someone asked for (core/exports/): done, with its file name, or failed, with why.
  'exports.done': {
    'zh-CN': { title: '导出完成：{title}', body: '{file}' },
    en: { title: 'Export ready: {title}', body: '{file}' },
  },
  'exports.failed': {
    'zh-CN': { title: '导出失败：{title}', body: '{error}' },
    en: { title: 'The export failed: {title}', body: '{error}' },
  },
});

const catalogues = new MessageCatalogues([coreMessages.catalogue]);

/** A core text for a message that is not stored (a direct SMS), in `language` (the county's default when unknown). */
export function coreText(message: ReturnType<typeof coreMessages.message>, language: string): string {
  return catalogues.renderNew(message, isMessageLanguage(language) ? language : DEFAULT_MESSAGE_LANGUAGE).title;
}
