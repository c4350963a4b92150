import { defineMessages } from '../../../core/module-kit.ts';

/** What approvals tells people (in-app and by SMS), in both languages. */
export const approvalsMessages = defineMessages('approvals', {
  'task.waiting': {
    'zh-CN': { title: '待您审批：{title}', body: '{applicant}提交的{type}，请审批' },
    en: { title: 'Awaiting your approval: {title}', body: '{type} from {applicant}: please decide' },
  },
  'task.urged': {
    'zh-CN': { title: '催办：{title}', body: '{applicant}催促您审批{type}' },
    en: { title: 'Reminder from the applicant: {title}', body: '{applicant} asks you to decide on the {type}' },
  },
  'task.reminder': {
    'zh-CN': { title: '审批提醒：{title}', body: '{type}已等待您审批超过 {days} 个工作日' },
    en: { title: 'Approval reminder: {title}', body: 'The {type} has waited for you more than {days} working days' },
  },
  'task.escalated': {
    'zh-CN': { title: '审批超时：{title}', body: '{approver}待审批的{type}已超过 {days} 个工作日未处理' },
    en: { title: 'Approval overdue: {title}', body: 'The {type} has waited for {approver} more than {days} working days' },
  },
  'request.approved': {
    'zh-CN': { title: '审批通过：{title}', body: '您提交的{type}已审批通过' },
    en: { title: 'Approved: {title}', body: 'Your {type} was approved' },
  },
  'request.rejected': {
    'zh-CN': { title: '审批未通过：{title}', body: '{by}：{reason}' },
    en: { title: 'Rejected: {title}', body: '{by}: {reason}' },
  },
  'request.returned': {
    'zh-CN': { title: '审批退回：{title}', body: '{by}退回，请修改后重新提交：{reason}' },
    en: { title: 'Returned: {title}', body: '{by} returned it for changes: {reason}' },
  },
  'request.copied': {
    'zh-CN': { title: '抄送：{title}', body: '{applicant}提交的{type}抄送给您' },
    en: { title: 'For your information: {title}', body: '{type} from {applicant}, copied to you' },
  },
});
