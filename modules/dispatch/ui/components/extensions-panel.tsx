import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { countyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useDecideExtension, useTaskExtensions } from '../api/dispatch-extras.api';
import type { ExtensionView } from '../../schemas/extension.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';

const STATUS_COLORS = { pending: 'processing', granted: 'success', refused: 'error' } as const;

/** Extension requests (延期) of a task or one assignment; reviewers grant them or refuse them with a reason. */
export function ExtensionsPanel({
  taskId,
  assignmentId,
  canDecide,
}: {
  taskId: string;
  assignmentId?: string;
  canDecide: (extension: ExtensionView) => boolean;
}) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const extensions = useTaskExtensions(slug, taskId, assignmentId);
  const decide = useDecideExtension(slug);
  const [refusing, setRefusing] = useState<ExtensionView | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const failed = (error: unknown) => message.error(actionError(t, error));

  const refuse = async () => {
    const { reason } = await form.validateFields();
    if (!refusing) return;
    decide.mutate(
      { id: refusing.id, decision: 'refuse', reason: reason.trim() },
      {
        onSuccess: () => {
          setRefusing(null);
          form.resetFields();
          message.success(t('extensions.refused'));
        },
        onError: failed,
      },
    );
  };

  return (
    <>
      <List
        data-testid="extensions-panel"
        loading={extensions.isLoading}
        dataSource={extensions.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('extensions.empty')} /> }}
        renderItem={(item) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex vertical gap={4}>
                <Space wrap size={4}>
                  <Typography.Text strong>{item.unit.name}</Typography.Text>
                  <Tag color={STATUS_COLORS[item.status]}>{t(`extensions.status.${item.status}`)}</Tag>
                </Space>
                <Typography.Text>
                  {t('extensions.line', { from: countyTime(item.currentDeadline), to: countyTime(item.requestedDeadline) })}
                </Typography.Text>
                <Typography.Text type="secondary">{`${item.requestedByName ?? ''}：${item.reason}`}</Typography.Text>
                {item.decisionReason && (
                  <Typography.Text type="secondary">{`${item.decidedByName ?? ''}：${item.decisionReason}`}</Typography.Text>
                )}
                {item.status === 'pending' && canDecide(item) && (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      loading={decide.isPending}
                      onClick={() =>
                        decide.mutate(
                          { id: item.id, decision: 'grant' },
                          { onSuccess: () => message.success(t('extensions.granted')), onError: failed },
                        )
                      }
                    >
                      {t('extensions.grant')}
                    </Button>
                    <Button size="small" danger onClick={() => setRefusing(item)}>
                      {t('extensions.refuse')}
                    </Button>
                  </Space>
                )}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={refusing !== null}
        title={t('extensions.refuseTitle')}
        onCancel={() => setRefusing(null)}
        onOk={() => void refuse()}
        confirmLoading={decide.isPending}
        okText={t('common.confirm')}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
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
