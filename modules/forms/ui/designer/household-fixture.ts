import type { DesignerModel } from './designer-model';

/**
 * The Jiazhou 因户施策 household form as the designer builds it: used by the unit tests (and
 * mirrored by the browser test, which builds the same form by hand).
 */
export const householdModel: DesignerModel = {
  title: '因户施策入户表',
  fields: [
    { key: 'basic', kind: 'section', label: '基本情况' },
    { key: 'head', kind: 'text', label: '户主姓名', required: true, maxLength: 20 },
    { key: 'idCard', kind: 'text', label: '身份证号', pattern: '^\\d{17}[\\dXx]$', patternMessage: '请填写 18 位身份证号' },
    { key: 'income', kind: 'number', label: '家庭年收入（元）', required: true, minimum: 0, maximum: 10000000, help: '上一年度全家总收入' },
    { key: 'visited', kind: 'date', label: '走访日期' },
    {
      key: 'cause',
      kind: 'choice',
      label: '主要致贫原因',
      required: true,
      options: [
        { value: 'illness', label: '因病' },
        { value: 'disability', label: '因残' },
        { value: 'school', label: '因学' },
        { value: 'other', label: '其他' },
      ],
    },
    { key: 'causeOther', kind: 'textarea', label: '其他原因说明', required: true, showWhen: { field: 'cause', value: 'other' } },
    {
      key: 'helps',
      kind: 'multi',
      label: '帮扶措施',
      options: [
        { value: 'industry', label: '产业' },
        { value: 'job', label: '就业' },
      ],
    },
    { key: 'waterSafe', kind: 'yesno', label: '饮水安全', required: true },
    { key: 'waterIssue', kind: 'text', label: '饮水问题', requireWhen: { field: 'waterSafe', value: false } },
    { key: 'photo', kind: 'file', label: '住房照片', accept: 'image' },
    { key: 'where', kind: 'location', label: '住址' },
    { key: 'visitor', kind: 'person', label: '走访干部' },
    { key: 'village', kind: 'unit', label: '所在村' },
    {
      key: 'members',
      kind: 'group',
      label: '家庭成员',
      required: true,
      maxItems: 20,
      columns: [
        { key: 'name', kind: 'text', label: '姓名', required: true },
        { key: 'age', kind: 'number', label: '年龄', integer: true, minimum: 0, maximum: 130 },
        {
          key: 'relation',
          kind: 'choice',
          label: '与户主关系',
          options: [
            { value: 'self', label: '本人' },
            { value: 'child', label: '子女' },
          ],
        },
      ],
    },
  ],
};

export const texts = { address: '地址', latitude: '纬度', longitude: '经度' };
