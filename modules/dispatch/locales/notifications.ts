import { defineMessages } from '../../../core/module-kit.ts';

/**
 * What dispatch tells people (in-app and by SMS), in both languages. A notification stores the key
 * and its parameters; the reader gets it in their language (core/notify/messages.ts). Parameters
 * are the county's own words (titles, names, reasons) and dates in the county's clock; a word
 * that differs by language inside a sentence is a term below (cards, periods).
 * Texts a county configures (`reminderTexts`) stay as written: they come in as `{text}`.
 */
export const dispatchMessages = defineMessages('dispatch', {
  'assignment.new': {
    'zh-CN': { title: '新任务：{task}', body: '请查收并按时办理，截止时间 {deadline}' },
    en: { title: 'New task: {task}', body: 'Please open it and finish by {deadline}' },
  },

  'extension.requested': {
    'zh-CN': { title: '延期申请：{task}（{unit}）', body: '申请延期至 {deadline}：{reason}' },
    en: { title: 'Extension requested: {task} ({unit})', body: 'Asks for {deadline}: {reason}' },
  },
  'extension.granted': {
    'zh-CN': { title: '延期已批准：{task}', body: '新的截止时间 {deadline}' },
    en: { title: 'Extension granted: {task}', body: 'New deadline {deadline}' },
  },
  'extension.grantedWithReason': {
    'zh-CN': { title: '延期已批准：{task}', body: '新的截止时间 {deadline}。{reason}' },
    en: { title: 'Extension granted: {task}', body: 'New deadline {deadline}. {reason}' },
  },
  'extension.refused': {
    'zh-CN': { title: '延期未获批准：{task}', body: '{reason}' },
    en: { title: 'Extension refused: {task}', body: '{reason}' },
  },

  'escalation.urge': {
    'zh-CN': { title: '催办：{task}（{unit}）', body: '{text}' },
    en: { title: 'Urged: {task} ({unit})', body: '{text}' },
  },
  'escalation.notice': {
    'zh-CN': { title: '督办通知：{task}（{unit}）', body: '{text}' },
    en: { title: 'Supervision notice: {task} ({unit})', body: '{text}' },
  },
  'escalation.interview': {
    'zh-CN': { title: '约谈：{task}（{unit}）', body: '{text}（约谈时间 {at}，地点 {place}）' },
    en: { title: 'Interview: {task} ({unit})', body: '{text} (interview at {at}, {place})' },
  },

  'report.submitted': {
    'zh-CN': '{task}：{unit}报送了进展（{progress}%）',
    en: '{task}: {unit} reported progress ({progress}%)',
  },
  'report.accepted': {
    'zh-CN': { title: '报告已通过：{task}', body: '{reason}' },
    en: { title: 'Report accepted: {task}', body: '{reason}' },
  },
  'report.returned': {
    'zh-CN': { title: '报告被退回：{task}', body: '{reason}' },
    en: { title: 'Report returned: {task}', body: '{reason}' },
  },
  'card.received': {
    'zh-CN': { title: '{task}：收到{card}', body: '{reason}' },
    en: { title: '{task}: received a {card}', body: '{reason}' },
  },
  'card.given': {
    'zh-CN': { title: '{task}：{unit}被亮{card}', body: '{reason}' },
    en: { title: '{task}: {unit} was given a {card}', body: '{reason}' },
  },
  'card.green': { 'zh-CN': '绿牌', en: 'green card' },
  'card.yellow': { 'zh-CN': '黄牌', en: 'yellow card' },
  'card.red': { 'zh-CN': '红牌', en: 'red card' },

  'light.red': {
    'zh-CN': { title: '{task}：亮红灯', body: '{units}已逾期' },
    en: { title: '{task}: red light', body: 'Overdue: {units}' },
  },
  'light.redMany': {
    'zh-CN': { title: '{task}：亮红灯', body: '{units}等{count}个单位已逾期' },
    en: { title: '{task}: red light', body: 'Overdue: {units} and others, {count} units in all' },
  },

  'comment.reply': {
    'zh-CN': { title: '{task}：有人回复了您', body: '{text}' },
    en: { title: '{task}: someone replied to you', body: '{text}' },
  },
  'comment.new': {
    'zh-CN': { title: '{task}：新的回复', body: '{text}' },
    en: { title: '{task}: new reply', body: '{text}' },
  },
  'instruction.given': {
    'zh-CN': { title: '领导批示：{task}', body: '{text}（请签阅）' },
    en: { title: 'Leader’s instruction: {task}', body: '{text} (please acknowledge)' },
  },
  'instruction.watched': {
    'zh-CN': { title: '{task}：领导批示', body: '{text}' },
    en: { title: '{task}: leader’s instruction', body: '{text}' },
  },

  'reminder.unopened': {
    'zh-CN': { title: '任务未查收：{task}', body: '{text}' },
    en: { title: 'Task not opened yet: {task}', body: '{text}' },
  },
  'reminder.beforeDeadline': {
    'zh-CN': { title: '任务即将到期：{task}', body: '{text}' },
    en: { title: 'Task due soon: {task}', body: '{text}' },
  },
  'reminder.overdue': {
    'zh-CN': { title: '任务逾期：{task}（{unit}）', body: '{text}' },
    en: { title: 'Task overdue: {task} ({unit})', body: '{text}' },
  },
  'reminder.urge': {
    'zh-CN': { title: '催办：{task}', body: '{text}' },
    en: { title: 'Urged: {task}', body: '{text}' },
  },
  'reminder.periodDue': {
    'zh-CN': { title: '定期报送：{task}（{period}）', body: '{text}' },
    en: { title: 'Periodic report: {task} ({period})', body: '{text}' },
  },
  'period.week': { 'zh-CN': '{year}年第{week}周', en: 'week {week} of {year}' },
  'period.month': { 'zh-CN': '{year}年{month}月', en: '{month}/{year}' },
  'period.quarter': { 'zh-CN': '{year}年第{quarter}季度', en: 'Q{quarter} {year}' },
  'period.from': { 'zh-CN': '{start}期', en: 'period from {start}' },

  'request.raised': {
    'zh-CN': { title: '{unit}的诉求：{title}', body: '{text}' },
    en: { title: 'Request from {unit}: {title}', body: '{text}' },
  },
  'request.passedOn': {
    'zh-CN': { title: '{from}的诉求（{via}转办）：{title}', body: '{reason}' },
    en: { title: 'Request from {from} (passed on by {via}): {title}', body: '{reason}' },
  },
  'request.accepted': {
    'zh-CN': '{unit}已受理：{title}',
    en: '{unit} took up: {title}',
  },
  'request.transferred': {
    'zh-CN': { title: '{unit}已将诉求转至{to}：{title}', body: '{reason}' },
    en: { title: '{unit} passed the request on to {to}: {title}', body: '{reason}' },
  },
  'request.returned': {
    'zh-CN': { title: '{unit}退回了诉求：{title}', body: '{reason}' },
    en: { title: '{unit} returned the request: {title}', body: '{reason}' },
  },
  'request.responded': {
    'zh-CN': { title: '{unit}已答复：{title}', body: '{text}' },
    en: { title: '{unit} answered: {title}', body: '{text}' },
  },
  'request.rated': {
    'zh-CN': { title: '{unit}评价了答复：{stars}', body: '{comment}' },
    en: { title: '{unit} rated the answer: {stars}', body: '{comment}' },
  },
});

/** A message of dispatch's catalogue, as `notify` takes it. */
export const dispatchMessage = dispatchMessages.message;
