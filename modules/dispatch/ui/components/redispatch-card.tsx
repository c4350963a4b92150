import { App, Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, isApiError, useDirectoryUnits, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useRedispatch } from '../api/dispatch.api';
import type { AssignmentView } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { AssignmentsEditor, toAssignmentInputs, type AssignmentRow } from './assignments-editor';
import { foldIssues } from './issue-paths';

/** "再分派": split the assignment among units below its own, each with its own deadline and person. */
export function RedispatchCard({ assignment }: { assignment: AssignmentView }) {
  const t = useT();
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const units = useDirectoryUnits(slug);
  const redispatch = useRedispatch(slug);
  const [form] = Form.useForm<{ assignments: AssignmentRow[] }>();

  const submit = async (values: { assignments: AssignmentRow[] }) => {
    try {
      await redispatch.mutateAsync({ id: assignment.id, assignments: toAssignmentInputs(values.assignments) });
      message.success(t('redispatch.done', { n: values.assignments.length }));
      form.resetFields();
    } catch (error) {
      if (isApiError(error)) {
        const unitName = (i: number) => units.data?.find((u) => u.id === values.assignments[i]?.unitId)?.name;
        form.setFields(formFieldErrors<{ assignments: AssignmentRow[] }>(tErrors, foldIssues(error.details, unitName), ['assignments']));
      }
      message.error(actionError(t, error));
    }
  };

  return (
    <Card size="small" title={t('redispatch.title')} data-testid="redispatch-card">
      <Form form={form} layout="vertical" initialValues={{ assignments: [] }} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="assignments"
          extra={t('redispatch.help')}
          rules={[{ required: true, type: 'array', min: 1, message: t('task.assignmentsRequired') }]}
        >
          <AssignmentsEditor below={assignment.unit.id} withRole={false} testId="redispatch" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={redispatch.isPending} data-testid="redispatch-submit">
          {t('redispatch.submit')}
        </Button>
      </Form>
    </Card>
  );
}
