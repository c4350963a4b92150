import { defineMessages } from '../../../core/module-kit.ts';

/**
 * What the forms module tells people (in-app and by SMS), in both languages. A notification
 * stores the key and its parameters; the reader gets it in their language (core/notify/messages.ts).
 */
export const formsMessages = defineMessages('forms', {
  'submission.returned': {
    'zh-CN': { title: '填报被退回：{form}', body: '{reason}' },
    en: { title: 'Submission returned: {form}', body: '{reason}' },
  },
  'collection.reminder': {
    'zh-CN': { title: '请填报：{form}（{period}）', body: '截止日期 {due}' },
    en: { title: 'Please fill in: {form} ({period})', body: 'Due {due}' },
  },
  'period.once': { 'zh-CN': '本次', en: 'this round' },
});

/** A message of the forms catalogue, as `notify` takes it. */
export const formsMessage = formsMessages.message;
