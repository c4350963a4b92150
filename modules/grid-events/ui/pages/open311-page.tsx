import { useState } from 'react';
import { KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Grid, Input, InputNumber, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { ErrorResult, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { Open311ClientView } from '../../schemas/open311-client.schema';
import { useCreateOpen311Client, useOpen311Clients, useRevokeOpen311Client } from '../api/open311-clients.api';
import { actionError } from '../components/action-error';
import { useT } from '../i18n/grid-events-i18n';

const PLAIN = /^[^<>]*$/;

/** Issues a key: the name and hourly allowance, then the key shown this once with a copy button. */
function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { slug } = useTenantSession();
  const [form] = Form.useForm<{ name: string; requestsPerHour: number }>();
  const create = useCreateOpen311Client(slug);
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setIssued(null);
    setFailure(null);
    form.resetFields();
    onClose();
  };
  const submit = (values: { name: string; requestsPerHour: number }) => {
    setFailure(null);
    create.mutate(
      { name: values.name.trim(), requestsPerHour: values.requestsPerHour },
      {
        onSuccess: (client) => setIssued({ name: client.name, apiKey: client.apiKey }),
        onError: (error) => setFailure(actionError(t, error)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={issued ? t('open311.keyTitle', { name: issued.name }) : t('open311.add')}
      onCancel={issued ? undefined : close}
      closable={!issued}
      mask={{ closable: !issued }}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={close} data-testid="open311-key-done">
            {t('open311.keySaved')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="open311-create">
              {t('open311.issue')}
            </Button>
          </Space>
        )
      }
    >
      {issued ? (
        <Flex vertical gap={12} data-testid="open311-key">
          <Alert type="warning" showIcon title={t('open311.keyWarning')} />
          <Typography.Paragraph
            copyable={{ text: issued.apiKey, tooltips: [t('open311.copy'), t('open311.copied')] }}
            code
            style={{ wordBreak: 'break-all', fontSize: 15, margin: 0 }}
            data-testid="open311-key-value"
          >
            {issued.apiKey}
          </Typography.Paragraph>
        </Flex>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ requestsPerHour: 100 }} onFinish={submit} data-testid="open311-form">
          <Form.Item
            name="name"
            label={t('open311.name')}
            extra={t('open311.nameHelp')}
            rules={[
              { required: true, whitespace: true, message: t('open311.needName') },
              { pattern: PLAIN, message: t('categories.noBrackets') },
            ]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="requestsPerHour" label={t('open311.requestsPerHour')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} />}
        </Form>
      )}
    </Modal>
  );
}

/** Revokes a key for good, with the reason kept in the audit trail. */
function RevokeModal({ client, onClose }: { client: Open311ClientView | null; onClose: () => void }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const revoke = useRevokeOpen311Client(slug);
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  return (
    <Modal
      open={client !== null}
      title={t('open311.revokeTitle', { name: client?.name ?? '' })}
      onCancel={close}
      okText={t('open311.revoke')}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      confirmLoading={revoke.isPending}
      onOk={() =>
        client &&
        revoke.mutate(
          { id: client.id, reason: reason.trim() },
          {
            onSuccess: () => {
              message.success(t('open311.revoked', { name: client.name }));
              close();
            },
            onError: (error) => message.error(actionError(t, error)),
          },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph>{t('open311.revokeIntro')}</Typography.Paragraph>
      <Input.TextArea
        value={reason}
        onChange={(event) => setReason(event.target.value.replace(/[<>]/g, ''))}
        rows={3}
        maxLength={200}
        showCount
        placeholder={t('open311.reason')}
        aria-label={t('open311.reason')}
        data-testid="open311-revoke-reason"
      />
    </Modal>
  );
}

/**
 * `/grid-events/open311` (Open311 接口): the systems that file reports through the county's Open311
 * endpoint with a key of their own — who, how much they may send, when they last did. A county
 * manager issues a key (shown once: only its hash is kept) and revokes one with a reason.
 */
export default function Open311Page() {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const wide = Grid.useBreakpoint().md ?? false;
  const clients = useOpen311Clients(slug);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Open311ClientView | null>(null);
  const endpoint = `${window.location.origin}/open311/t/${encodeURIComponent(slug)}/v2/`;
  const status = (c: Open311ClientView) =>
    c.active ? <Tag color="green">{t('open311.active')}</Tag> : <Tag>{t('open311.revokedAt', { time: time(c.revokedAt) })}</Tag>;
  const revokeButton = (c: Open311ClientView) =>
    c.active && (
      <Button size="small" danger icon={<StopOutlined />} onClick={() => setRevoking(c)} data-testid="open311-revoke">
        {t('open311.revoke')}
      </Button>
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('open311.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="open311-add">
          {t('open311.add')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('open311.intro')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('open311.endpoint')}{' '}
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="open311-endpoint">
          {endpoint}
        </Typography.Text>
      </Typography.Paragraph>
      {clients.error ? (
        <ErrorResult error={clients.error} onRetry={() => void clients.refetch()} />
      ) : wide ? (
        <Table<Open311ClientView>
          rowKey="id"
          data-testid="open311-table"
          loading={clients.isLoading}
          dataSource={clients.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('open311.empty')} /> }}
          columns={[
            { title: t('open311.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
            { title: t('open311.status'), key: 'status', width: 190, render: (_, c) => status(c) },
            { title: t('open311.requestsPerHour'), dataIndex: 'requestsPerHour', width: 110, align: 'right' },
            { title: t('open311.requestCount'), dataIndex: 'requestCount', width: 100, align: 'right' },
            { title: t('open311.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => time(at) },
            { title: t('open311.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: (at: string | null) => time(at) },
            { title: t('common.actions'), key: 'actions', width: 110, render: (_, c) => revokeButton(c) },
          ]}
        />
      ) : (
        <Card size="small">
          <List<Open311ClientView>
            loading={clients.isLoading}
            dataSource={clients.data ?? []}
            locale={{ emptyText: <Empty description={t('open311.empty')} /> }}
            renderItem={(c) => (
              <List.Item actions={[revokeButton(c)].filter(Boolean)} data-testid="open311-item">
                <List.Item.Meta
                  avatar={<KeyOutlined />}
                  title={
                    <Space wrap size={4}>
                      {c.name}
                      {status(c)}
                    </Space>
                  }
                  description={t('open311.usage', { count: c.requestCount, perHour: c.requestsPerHour, last: time(c.lastUsedAt) })}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <CreateModal open={adding} onClose={() => setAdding(false)} />
      <RevokeModal client={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
