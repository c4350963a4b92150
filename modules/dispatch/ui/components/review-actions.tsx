import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useGiveCard, useReviewReport } from '../api/dispatch.api';
import type { CardColor, ReportView } from '../../schemas/report.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';

type Dialog = { kind: 'return' } | { kind: 'card' } | null;

/** A reviewer's buttons on one report: accept, return with a reason, give a card (亮牌) with a reason. */
export function ReviewActions({ report }: { report: ReportView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const review = useReviewReport(slug);
  const card = useGiveCard(slug);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ reason: string; color: CardColor }>();
  const failed = (error: unknown) => message.error(actionError(t, error));

  const accept = () =>
    review.mutate({ id: report.id, decision: 'accept' }, { onSuccess: () => message.success(t('review.accepted')), onError: failed });
  const confirm = async () => {
    const values = await form.validateFields();
    try {
      if (dialog?.kind === 'return') {
        await review.mutateAsync({ id: report.id, decision: 'return', reason: values.reason.trim() });
        message.success(t('review.returned'));
      } else {
        await card.mutateAsync({ id: report.id, color: values.color, reason: values.reason.trim() });
        message.success(t('card.given', { color: t(`card.${values.color}`) }));
      }
      setDialog(null);
      form.resetFields();
    } catch (error) {
      failed(error);
    }
  };

  return (
    <>
      <Space wrap size={4}>
        {report.status === 'submitted' && (
          <>
            <Button
              size="small"
              type="primary"
              onClick={accept}
              loading={review.isPending && dialog === null}
              data-testid={`accept-${report.id}`}
            >
              {t('review.accept')}
            </Button>
            <Button size="small" danger onClick={() => setDialog({ kind: 'return' })} data-testid={`return-${report.id}`}>
              {t('review.return')}
            </Button>
          </>
        )}
        {!report.card && (
          <Button size="small" onClick={() => setDialog({ kind: 'card' })} data-testid={`card-${report.id}`}>
            {t('card.give')}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'return' ? t('review.returnTitle', { unit: report.unitName }) : t('card.title', { unit: report.unitName })}
        onCancel={() => setDialog(null)}
        onOk={() => void confirm()}
        okText={t('common.confirm')}
        confirmLoading={review.isPending || card.isPending}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ color: 'green' }} data-testid="review-form">
          {dialog?.kind === 'card' && (
            <Form.Item name="color" label={t('card.color')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(['green', 'yellow', 'red'] as const).map((c) => ({ value: c, label: t(`card.${c}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('review.reason')}
            rules={[{ required: true, whitespace: true, message: t('review.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
