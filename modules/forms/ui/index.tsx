import { BarChartOutlined, EditOutlined, FormOutlined, SendOutlined } from '@ant-design/icons';
import type { ModuleUi } from '../../../admin-ui/src/module-kit';

/** The forms module's pages, menu icons and home widget (see modules/forms/README.md). */
export const formsUi: ModuleUi = {
  routes: [
    { path: 'designer', load: () => import('./pages/designer-list-page'), permission: 'forms.design' },
    { path: 'designer/:formId', load: () => import('./pages/designer-editor-page'), permission: 'forms.design' },
    { path: 'collections', load: () => import('./pages/collections-page'), permission: 'forms.collect' },
    { path: 'my-due', load: () => import('./pages/my-due-page'), permission: 'forms.submit' },
    { path: 'fill/:collectionId/:periodKey/:assigneeId', load: () => import('./pages/fill-page'), permission: 'forms.submit' },
    { path: 'results', load: () => import('./pages/results-page'), permission: 'forms.results' },
  ],
  menu: [
    { id: 'my-due', icon: <FormOutlined /> },
    { id: 'designer', icon: <EditOutlined /> },
    { id: 'collections', icon: <SendOutlined /> },
    { id: 'results', icon: <BarChartOutlined /> },
  ],
  // The designer's board, for the custom fields of any module's record types (core's custom fields page).
  // Its answer widgets (person, unit, file, location) for forms other modules fill in (dispatch's report forms).
  formRenderer: { load: () => import('./components/form-view').then((m) => ({ default: m.FormView })) },
  fieldSetEditor: { name: { 'zh-CN': '表单设计器', en: 'Form designer' }, load: () => import('./custom-fields/custom-field-set-editor') },
  widgets: [
    {
      id: 'my-due',
      title: { 'zh-CN': '待填报', en: 'To fill in' },
      permission: 'forms.submit',
      load: () => import('./widgets/my-due-widget'),
    },
  ],
};
