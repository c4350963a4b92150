import { defineMessages } from '../../../core/module-kit.ts';

/**
 * What grid events tells people (in-app and by SMS), in both languages. A category's own SMS text
 * (`smsTemplate`), written by the county, is sent as written instead of `event.arrived`.
 * `visit.overdue` names households as "<building> <unit>-<room>" (翠园3号楼 2-301), which reads
 * the same in both languages.
 */
export const gridEventsMessages = defineMessages('grid-events', {
  'event.arrived': {
    'zh-CN': { title: '新事件：{category}（{code}）', body: '{place}：{description}。请于 {deadline} 前签收' },
    en: { title: 'New event: {category} ({code})', body: '{place}: {description}. Please accept it by {deadline}' },
  },
  'event.escalated': {
    'zh-CN': { title: '事件逾期上报：{category}（{code}）', body: '{from}未按时办理，已上报至本单位。请于 {deadline} 前签收' },
    en: {
      title: 'Escalated: {category} ({code})',
      body: '{from} did not finish it in time; it is now yours. Please accept it by {deadline}',
    },
  },
  'event.returned': {
    'zh-CN': { title: '事件退单待派：{category}（{code}）', body: '{unit}退回：{reason}' },
    en: { title: 'Returned, to be routed: {category} ({code})', body: '{unit} returned it: {reason}' },
  },
  'event.unrouted': {
    'zh-CN': { title: '事件待派单：{category}（{code}）', body: '{place}不在任何网格内，分类也未设职能部门，请派单' },
    en: { title: 'To be routed: {category} ({code})', body: '{place} lies in no grid and the category has no department: please route it' },
  },
  'event.resolved': {
    'zh-CN': { title: '您上报的事件已办结：{category}（{code}）', body: '{note}' },
    en: { title: 'Your event was resolved: {category} ({code})', body: '{note}' },
  },
  'event.merged': {
    'zh-CN': { title: '您上报的事件已合并：{category}（{code}）', body: '与事件 {into} 为同一件事，请关注 {into} 的办理' },
    en: { title: 'Your event was merged: {category} ({code})', body: 'It is the same matter as {into}: follow {into}' },
  },
  'event.reopened': {
    'zh-CN': { title: '群众评价不满意，事件重新办理：{category}（{code}）', body: '评价 {rating} 星：{comment}' },
    en: { title: 'Rated poorly, reopened: {category} ({code})', body: 'Rated {rating}/5: {comment}' },
  },
  'extension.requested': {
    'zh-CN': { title: '事件延期申请：{category}（{code}）', body: '{unit}申请延期 {hours} 小时：{reason}' },
    en: { title: 'Extension requested: {category} ({code})', body: '{unit} asks for {hours} more hours: {reason}' },
  },
  'extension.granted': {
    'zh-CN': { title: '延期已批准：{category}（{code}）', body: '新的办结时限 {deadline}' },
    en: { title: 'Extension granted: {category} ({code})', body: 'New deadline {deadline}' },
  },
  'extension.refused': {
    'zh-CN': { title: '延期未获批准：{category}（{code}）', body: '{note}' },
    en: { title: 'Extension refused: {category} ({code})', body: '{note}' },
  },
  'visit.overdue': {
    'zh-CN': { title: '走访提醒：{grid}有 {count} 户到期未走访', body: '{households}已到走访周期，请入户走访并登记。' },
    en: {
      title: 'Visits due in {grid}: {count} households',
      body: 'Due for a visit: {households}. Please visit them and record each visit.',
    },
  },
});
