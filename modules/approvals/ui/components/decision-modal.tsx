import { App, Form, Input, Modal, Select } from 'antd';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { DecideInput, RequestView } from '../../schemas/request.schema';
import { useDecide } from '../api/approvals.api';
import { useT } from '../i18n/approvals-i18n';
import { AccountSelect } from './account-select';
import { actionError } from './action-error';

export type DecisionAction = DecideInput['action'];

const NEEDS_REASON: DecisionAction[] = ['reject', 'return'];
const NEEDS_PERSON: DecisionAction[] = ['transfer', 'addBefore', 'addAfter'];

/** One decision on the caller's task: a comment (a reason to reject or return), the colleague of a transfer or 加签, the step to return to. */
export function DecisionModal(props: { request: RequestView; taskId: string; action: DecisionAction | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { slug } = useTenantSession();
  const decide = useDecide(slug);
  const [form] = Form.useForm<{ comment?: string; toUserId?: string; toStepId?: string }>();
  const action = props.action;
  const earlierSteps = props.request.steps.filter((s) => s.kind === 'approve' && s.status === 'approved');

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields();
    try {
      await decide.mutateAsync({
        taskId: props.taskId,
        body: {
          action,
          comment: values.comment || undefined,
          toUserId: values.toUserId || undefined,
          toStepId: values.toStepId && values.toStepId !== 'applicant' ? values.toStepId : undefined,
        },
      });
      message.success(t('decide.done'));
      form.resetFields();
      props.onClose();
    } catch (error) {
      message.error(actionError(t, error));
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`decide.${action}`) : ''}
      okText={t('decide.confirm')}
      onOk={() => void submit()}
      confirmLoading={decide.isPending}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ toStepId: 'applicant' }}>
        {action === 'return' && (
          <Form.Item name="toStepId" label={t('decide.toStep')}>
            <Select
              options={[
                { value: 'applicant', label: t('decide.toApplicant') },
                ...earlierSteps.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          </Form.Item>
        )}
        {action && NEEDS_PERSON.includes(action) && (
          <Form.Item name="toUserId" label={t('decide.toUser')} rules={[{ required: true, message: t('decide.toUser') }]}>
            <AccountSelect testId="decision-person" />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('decide.comment')}
          rules={
            action && NEEDS_REASON.includes(action) ? [{ required: true, whitespace: true, message: t('decide.commentRequired') }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="decision-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
