import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { countyWallTimeToIso, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useRequestExtension } from '../api/dispatch-extras.api';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';

interface Values {
  reason: string;
  mode: 'at' | 'workingDays';
  deadline?: Dayjs;
  deadlineWorkingDays?: number;
}

/** "申请延期": the responsible unit asks for a later deadline, with a reason. */
export function ExtensionRequest({ assignmentId }: { assignmentId: string }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const request = useRequestExtension(slug);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);

  const submit = (v: Values) =>
    request.mutate(
      {
        assignmentId,
        body: {
          reason: v.reason.trim(),
          ...(v.mode === 'workingDays'
            ? { deadlineWorkingDays: v.deadlineWorkingDays }
            : { deadline: v.deadline ? countyWallTimeToIso(v.deadline) : undefined }),
        },
      },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t('extensions.requested'));
        },
        onError: (e) => message.error(actionError(t, e)),
      },
    );

  return (
    <Card size="small" title={t('extensions.request')} data-testid="extension-request">
      <Form form={form} layout="vertical" initialValues={{ mode: 'at' }} onFinish={submit}>
        <Form.Item label={t('extensions.newDeadline')} required>
          <Space wrap>
            <Form.Item name="mode" noStyle>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'at', label: t('task.deadlineAt') },
                  { value: 'workingDays', label: t('task.deadlineWorkingDays') },
                ]}
              />
            </Form.Item>
            {mode === 'workingDays' ? (
              <Form.Item name="deadlineWorkingDays" noStyle rules={[{ required: true, message: t('task.deadlineRequired') }]}>
                <InputNumber min={1} max={365} suffix={t('task.workingDaysSuffix')} style={{ width: 150 }} />
              </Form.Item>
            ) : (
              <Form.Item name="deadline" noStyle rules={[{ required: true, message: t('task.deadlineRequired') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            )}
          </Space>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('review.reason')}
          rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Button htmlType="submit" loading={request.isPending} block>
          {t('extensions.send')}
        </Button>
      </Form>
    </Card>
  );
}
