import { Alert, Button, Drawer, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, isApiError, useDirectoryUnits, useTenantSession, type FieldIssue } from '../../../../admin-ui/src/module-kit';
import { useCreateTask, usePublishedForms } from '../api/dispatch.api';
import type { FileView } from '../../schemas/common.schema';
import type { TaskDetail } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { AssignmentsEditor, toAssignmentInputs, type AssignmentRow } from './assignments-editor';
import { CadenceFields, cadenceInput, type CadenceValues } from './cadence-fields';
import { FileUploads } from './file-uploads';
import { foldIssues } from './issue-paths';
import { deadlineInput, TaskTextFields, type TaskTextValues } from './task-fields';
import { UnitPicker } from './unit-picker';

interface Values extends TaskTextValues, CadenceValues {
  ownerUnitId: string;
  attachments: FileView[];
  reportFormId?: string;
  assignments: AssignmentRow[];
}

// Server field names the form shows in place (others become the general message).
const FIELDS: (keyof Values)[] = [
  'title',
  'description',
  'category',
  'priority',
  'deadline',
  'deadlineWorkingDays',
  'ownerUnitId',
  'attachments',
  'reportFormId',
  'assignments',
];

/** "下达任务": a task with its responsible units, dispatched to all of them in one action. */
export function TaskCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (detail: TaskDetail) => void;
}) {
  const t = useT();
  const { t: tErrors } = useTranslation('errors');
  const { slug, user } = useTenantSession();
  const [form] = Form.useForm<Values>();
  const published = usePublishedForms(slug, open);
  const create = useCreateTask(slug);
  const units = useDirectoryUnits(slug);
  const fold = (details: FieldIssue[]) =>
    foldIssues(details, (i) => units.data?.find((u) => u.id === form.getFieldValue(['assignments', i, 'unitId']))?.name, {
      attachmentIds: 'attachments',
    });
  const issues = isApiError(create.error) ? fold(create.error.details) : [];
  const general =
    create.error &&
    !issues.some((d) => FIELDS.some((f) => d.path === `body.${f}` || d.path.startsWith(`body.${f}[`) || d.path.startsWith(`body.${f}.`)));

  const submit = async (values: Values) => {
    try {
      // Idempotent: sending the same task again after a lost answer creates it once.
      const detail = await create.mutateAsync({
        title: values.title.trim(),
        description: values.description?.trim() || undefined,
        category: values.category?.trim() || undefined,
        priority: values.priority,
        ...deadlineInput(values),
        ownerUnitId: values.ownerUnitId,
        attachmentIds: values.attachments.length > 0 ? values.attachments.map((f) => f.id) : undefined,
        reportFormId: values.reportFormId,
        cadence: cadenceInput(values),
        assignments: toAssignmentInputs(values.assignments),
      });
      form.resetFields();
      onCreated(detail);
    } catch (error) {
      if (isApiError(error)) form.setFields(formFieldErrors<Values>(tErrors, fold(error.details), FIELDS));
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('create.title')} size={640} destroyOnHidden={false}>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="task-form"
        onFinish={(values) => void submit(values)}
        initialValues={{
          ownerUnitId: user.unit?.id,
          priority: 'normal',
          deadlineMode: 'at',
          cadenceKind: 'none',
          cadenceDueDays: 5,
          attachments: [],
          assignments: [],
        }}
      >
        <TaskTextFields deadlineRequired />
        <Form.Item name="ownerUnitId" label={t('task.ownerUnit')} rules={[{ required: true, message: t('task.ownerUnitRequired') }]}>
          <UnitPicker<string> testId="task-owner-unit" />
        </Form.Item>
        <Form.Item name="attachments" label={t('task.attachments')}>
          <FileUploads max={20} testId="task-attachments" />
        </Form.Item>
        {published.data?.available && (
          <Form.Item name="reportFormId" label={t('task.reportForm')} extra={t('task.reportFormHelp')}>
            <Select
              allowClear
              options={published.data.items.map((f) => ({ value: f.formId, label: `${f.name}（v${f.latestVersion}）` }))}
              data-testid="task-report-form"
            />
          </Form.Item>
        )}
        <CadenceFields />
        <Form.Item
          name="assignments"
          label={t('task.assignments')}
          rules={[{ required: true, type: 'array', min: 1, message: t('task.assignmentsRequired') }]}
        >
          <AssignmentsEditor testId="task-assignments" />
        </Form.Item>
        {general && (
          <Alert
            type="error"
            showIcon
            title={isApiError(create.error) ? create.error.message : String(create.error)}
            style={{ marginBottom: 12 }}
            data-testid="task-form-error"
          />
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending} block data-testid="task-submit">
          {create.isPending ? t('create.dispatching') : t('create.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
