import { defineMessages } from '../../../core/module-kit.ts';

/**
 * What announcements tells people (in-app and, when the notice or the reminder says so, by SMS),
 * in both languages. A notice's title and unit are the county's words and go in as written.
 */
export const announcementMessages = defineMessages('announcements', {
  'notice.published': {
    'zh-CN': { title: '新通知：{title}', body: '{unit}发布，请及时阅读。' },
    en: { title: 'New notice: {title}', body: 'Published by {unit}. Please read it.' },
  },
  'notice.confirmationAsked': {
    'zh-CN': { title: '新通知（需确认收到）：{title}', body: '{unit}发布，请阅读后点击“确认收到”。' },
    en: { title: 'New notice (confirm receipt): {title}', body: 'Published by {unit}. Please read it and confirm receipt.' },
  },
  'notice.unreadReminder': {
    'zh-CN': { title: '提醒：通知“{title}”您尚未阅读', body: '{unit}于 {publishedAt} 发布，请及时阅读。' },
    en: { title: 'Reminder: you have not read “{title}”', body: 'Published by {unit} on {publishedAt}. Please read it.' },
  },
});
