import { useState } from 'react';
import { useParams } from 'react-router';
import { SoundOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Drawer, Empty, Flex, Form, Input, List, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { countyWallTimeToIso, ErrorResult, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useRaiseRequest, useRequest, useRequests } from '../api/dispatch-extras.api';
import type { FileView } from '../../schemas/common.schema';
import { actionError } from '../components/action-error';
import { FileUploads } from '../components/file-uploads';
import { RequestCard } from '../components/request-card';
import { UnitPicker } from '../components/unit-picker';
import { useT } from '../i18n/dispatch-i18n';

type Box = 'inbox' | 'outbox' | 'supervised';

/** Requests go to county departments: the server refuses any other addressee. */
const DEPARTMENTS = ['department'];

/** The request a notice links to (`/dispatch/requests/:id`), shown above the lists. */
function LinkedRequest({ id }: { id: string }) {
  const t = useT();
  const { slug } = useTenantSession();
  const request = useRequest(slug, id);
  if (request.error) return <ErrorResult error={request.error} onRetry={() => void request.refetch()} />;
  if (!request.data) return null;
  return (
    <div data-testid="linked-request" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('requests.linked')}</Typography.Text>
      <RequestCard item={request.data} />
    </div>
  );
}

function RequestList({ box }: { box: Box }) {
  const t = useT();
  const { slug } = useTenantSession();
  const requests = useRequests(slug, box);
  if (requests.error) return <ErrorResult error={requests.error} onRetry={() => void requests.refetch()} />;
  return (
    <List
      data-testid={`requests-${box}`}
      loading={requests.isLoading}
      dataSource={requests.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('requests.empty')} /> }}
      renderItem={(item) => (
        <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
          <RequestCard item={item} />
        </List.Item>
      )}
    />
  );
}

interface RaiseValues {
  toUnitId: string;
  title: string;
  body?: string;
  photos: FileView[];
  dueAt?: Dayjs;
}

/** `/dispatch/requests`: 镇呼县应 — a town calls on a county department, the department answers, the town rates the answer. */
export default function RequestsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const has = useHasPermission();
  const raise = useRaiseRequest(slug);
  const [open, setOpen] = useState(false);
  const [box, setBox] = useState<Box>('inbox');
  const [form] = Form.useForm<RaiseValues>();
  const { id: linkedId } = useParams();

  const submit = (v: RaiseValues) =>
    raise.mutate(
      {
        toUnitId: v.toUnitId,
        title: v.title.trim(),
        body: v.body?.trim() || undefined,
        photoIds: v.photos.length > 0 ? v.photos.map((p) => p.id) : undefined,
        dueAt: v.dueAt ? countyWallTimeToIso(v.dueAt) : undefined,
      },
      {
        onSuccess: () => {
          form.resetFields();
          setOpen(false);
          setBox('outbox');
          message.success(t('requests.raised'));
        },
        onError: (e) => message.error(actionError(t, e)),
      },
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('requests.title')}</Typography.Title>
        {has('dispatch.request') && (
          <Button type="primary" icon={<SoundOutlined />} onClick={() => setOpen(true)} data-testid="new-request">
            {t('requests.new')}
          </Button>
        )}
      </Flex>
      {linkedId && <LinkedRequest id={linkedId} />}
      <Tabs
        activeKey={box}
        onChange={(key) => setBox(key as Box)}
        items={[
          { key: 'inbox', label: t('requests.inbox'), children: <RequestList box="inbox" /> },
          { key: 'outbox', label: t('requests.outbox'), children: <RequestList box="outbox" /> },
          ...(has('dispatch.supervise')
            ? [{ key: 'supervised', label: t('requests.supervised'), children: <RequestList box="supervised" /> }]
            : []),
        ]}
      />
      <Drawer open={open} onClose={() => setOpen(false)} title={t('requests.new')} size={520}>
        <Form<RaiseValues> form={form} layout="vertical" initialValues={{ photos: [] }} onFinish={submit}>
          <Form.Item name="toUnitId" label={t('requests.toUnit')} rules={[{ required: true, message: t('common.pickUnit') }]}>
            <UnitPicker<string> kinds={DEPARTMENTS} testId="request-to-unit" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('requests.requestTitle')}
            rules={[{ required: true, whitespace: true, message: t('task.titleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('requests.body')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="photos" label={t('report.photos')}>
            <FileUploads photos max={9} testId="request-photos" />
          </Form.Item>
          <Form.Item name="dueAt" label={t('requests.needBy')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={raise.isPending}>
            {t('requests.send')}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}
