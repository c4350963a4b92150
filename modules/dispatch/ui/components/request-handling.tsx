import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { countyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAcceptRequest, useReturnRequest, useTransferRequest } from '../api/dispatch-extras.api';
import type { RequestView } from '../../schemas/request.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { UnitPicker } from './unit-picker';

/** The way a request went: accepted (受理), transferred (转办) from one department to another, returned (退回). */
export function RequestSteps({ item }: { item: RequestView }) {
  const t = useT();
  if (item.steps.length === 0) return null;
  return (
    <Timeline
      data-testid={`request-steps-${item.id}`}
      style={{ marginTop: 8, marginBottom: -16 }}
      items={item.steps.map((s) => ({
        color: s.kind === 'returned' ? 'red' : s.kind === 'transferred' ? 'orange' : 'blue',
        content: (
          <Typography.Text style={{ fontSize: 13 }}>
            {t(`requests.step.${s.kind}`, { from: s.fromUnit.name, to: s.toUnit?.name ?? '', name: s.by, time: countyTime(s.at) })}
            {s.reason ? `：${s.reason}` : ''}
          </Typography.Text>
        ),
      }))}
    />
  );
}

type Dialog = 'transfer' | 'return' | null;

/** The called department's choices before answering: accept, transfer to another department, or return with a reason. */
export function RequestHandling({ item }: { item: RequestView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const accept = useAcceptRequest(slug);
  const transfer = useTransferRequest(slug);
  const giveBack = useReturnRequest(slug);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ toUnitId?: string; reason: string }>();
  const failed = (error: unknown) => message.error(actionError(t, error));
  const done = (text: string) => () => {
    setDialog(null);
    form.resetFields();
    message.success(text);
  };
  const submit = (v: { toUnitId?: string; reason: string }) => {
    if (dialog === 'transfer')
      transfer.mutate(
        { id: item.id, toUnitId: v.toUnitId as string, reason: v.reason.trim() },
        { onSuccess: done(t('requests.transferred')), onError: failed },
      );
    else giveBack.mutate({ id: item.id, reason: v.reason.trim() }, { onSuccess: done(t('requests.returnedDone')), onError: failed });
  };
  return (
    <>
      <Space wrap>
        {item.status === 'open' && (
          <Button
            onClick={() => accept.mutate(item.id, { onSuccess: () => message.success(t('requests.acceptedDone')), onError: failed })}
            loading={accept.isPending}
            data-testid={`request-accept-${item.id}`}
          >
            {t('requests.accept')}
          </Button>
        )}
        <Button onClick={() => setDialog('transfer')} data-testid={`request-transfer-${item.id}`}>
          {t('requests.transfer')}
        </Button>
        <Button danger onClick={() => setDialog('return')} data-testid={`request-return-${item.id}`}>
          {t('requests.giveBack')}
        </Button>
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'transfer' ? t('requests.transferTitle') : t('requests.returnTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={transfer.isPending || giveBack.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog === 'transfer' && (
            <Form.Item name="toUnitId" label={t('requests.transferTo')} rules={[{ required: true, message: t('common.pickUnit') }]}>
              <UnitPicker<string> kinds={['department']} exclude={[item.toUnit.id]} testId="request-transfer-unit" />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('requests.reason')}
            rules={[{ required: true, whitespace: true, message: t('requests.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
