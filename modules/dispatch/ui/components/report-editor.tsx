import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Slider, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  formFieldErrors,
  isApiError,
  issuesToErrorTree,
  useTenantSession,
  type SchemaErrorTree,
} from '../../../../admin-ui/src/module-kit';
import { useSubmitReport } from '../api/dispatch.api';
import { usePeriods } from '../api/dispatch-extras.api';
import type { FileView } from '../../schemas/common.schema';
import type { ReportFormVersion } from '../../schemas/report-form.schema';
import type { AssignmentView, TaskView } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { FileUploads } from './file-uploads';
import ReportFormView from './report-form-view';
import { foldIssues } from './issue-paths';

interface Values {
  periodKey?: string;
  progress: number;
  text?: string;
  photos: FileView[];
  problem: boolean;
}

const FIELDS: (keyof Values)[] = ['periodKey', 'progress', 'text', 'photos', 'problem'];

/**
 * "报送进展" for the responsible unit: percent, text, photos, a problem flag and, when the task has
 * one, its report form (validated in the browser first, then by the server against the frozen version).
 */
export function ReportEditor({
  task,
  assignment,
  reportForm,
  maxPhotos = 9,
}: {
  task: TaskView;
  assignment: AssignmentView;
  reportForm: ReportFormVersion | null;
  maxPhotos?: number;
}) {
  const t = useT();
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitReport(slug);
  const periods = usePeriods(slug, task.id, task.cadence !== null);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [dataErrors, setDataErrors] = useState<SchemaErrorTree>({});
  const [formKey, setFormKey] = useState(0);

  const send = async (data: Record<string, unknown> | undefined) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      // Idempotent: the same report sent again after a lost answer is recorded once.
      await submit.mutateAsync({
        assignmentId: assignment.id,
        body: {
          ...(values.periodKey ? { periodKey: values.periodKey } : {}),
          progress: values.progress,
          text: values.text?.trim() || undefined,
          photoIds: values.photos.map((p) => p.id),
          problem: values.problem,
          ...(data ? { data } : {}),
        },
      });
      form.resetFields();
      form.setFieldValue('progress', values.progress);
      setFormData({});
      setDataErrors({});
      setFormKey((k) => k + 1);
      message.success(t('report.sent'));
    } catch (error) {
      if (!isApiError(error) || error.isNetworkError) {
        message.error(actionError(t, error));
        return;
      }
      const issues = foldIssues(error.details, () => undefined, { photoIds: 'photos' });
      form.setFields(formFieldErrors<Values>(tErrors, issues, FIELDS));
      setDataErrors(issuesToErrorTree(tErrors, issues, 'body.data'));
      message.error(actionError(t, error));
    }
  };

  const needsForm = task.reportForm !== null;
  return (
    <Card size="small" title={t('report.title')} data-testid="report-editor">
      <Form<Values> form={form} layout="vertical" initialValues={{ progress: assignment.progress, photos: [], problem: false }}>
        {task.cadence && (
          <Form.Item name="periodKey" label={t('report.period')} extra={t('report.periodHelp')}>
            <Select
              allowClear
              loading={periods.isLoading}
              options={(periods.data?.items ?? []).map((p) => ({
                value: p.periodKey,
                label: `${p.label}${p.overdue ? ` · ${t('report.periodOverdue')}` : ''}`,
              }))}
              data-testid="report-period"
            />
          </Form.Item>
        )}
        <Form.Item label={t('report.progress')} required>
          <Flex gap={12} align="center">
            <Form.Item name="progress" noStyle>
              <Slider min={0} max={100} step={5} style={{ flex: 1 }} aria-label={t('report.progress')} />
            </Form.Item>
            <Form.Item name="progress" noStyle>
              <InputNumber
                min={0}
                max={100}
                suffix="%"
                style={{ width: 90 }}
                data-testid="report-progress"
                aria-label={t('report.progressNumber')}
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="text" label={t('report.text')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="report-text" />
        </Form.Item>
        <Form.Item name="photos" label={t('report.photos')}>
          <FileUploads photos max={maxPhotos} testId="report-photos" />
        </Form.Item>
        <Form.Item name="problem" label={t('report.problem')} valuePropName="checked" extra={t('report.problemHelp')}>
          <Switch data-testid="report-problem" />
        </Form.Item>
      </Form>
      {needsForm && !reportForm && <Alert type="warning" showIcon title={t('report.formUnavailable')} />}
      {needsForm && reportForm && (
        <>
          <Typography.Title level={5}>{reportForm.name}</Typography.Title>
          <ReportFormView
            key={formKey}
            schema={reportForm.schema}
            uiSchema={reportForm.uiSchema}
            formData={formData}
            extraErrors={dataErrors}
            onChange={setFormData}
            onSubmit={(data) => void send(data)}
            submitText={t('report.submit')}
            submitting={submit.isPending}
            testId="report-form"
          />
        </>
      )}
      {!needsForm && (
        <Button type="primary" block onClick={() => void send(undefined)} loading={submit.isPending} data-testid="report-submit">
          {t('report.submit')}
        </Button>
      )}
    </Card>
  );
}
