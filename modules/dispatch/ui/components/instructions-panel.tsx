import { App, Button, Card, Empty, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { countyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAcknowledge, useGiveInstruction, useInstructions } from '../api/dispatch-extras.api';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';

/** Leaders' instructions (批示) on a task: give one (dispatch.instruct), see who acknowledged, acknowledge for one's unit. */
export function InstructionsPanel({ taskId, canInstruct }: { taskId: string; canInstruct: boolean }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const instructions = useInstructions(slug, taskId);
  const give = useGiveInstruction(slug);
  const acknowledge = useAcknowledge(slug);
  const [form] = Form.useForm<{ text: string }>();
  const failed = (error: unknown) => message.error(actionError(t, error));

  return (
    <Flex vertical gap={8} data-testid="instructions-panel">
      {canInstruct && (
        <Form
          form={form}
          onFinish={(values) =>
            give.mutate(
              { taskId, text: values.text.trim() },
              {
                onSuccess: () => {
                  form.resetFields();
                  message.success(t('instructions.given'));
                },
                onError: failed,
              },
            )
          }
        >
          <Form.Item
            name="text"
            rules={[{ required: true, whitespace: true, message: t('instructions.textRequired') }]}
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('instructions.placeholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={give.isPending}>
            {t('instructions.give')}
          </Button>
        </Form>
      )}
      <List
        loading={instructions.isLoading}
        dataSource={instructions.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('instructions.empty')} /> }}
        renderItem={(item) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{item.text}</Typography.Paragraph>
              <Typography.Text
                type="secondary"
                style={{ fontSize: 12 }}
              >{`${item.givenBy.name} · ${countyTime(item.createdAt)}`}</Typography.Text>
              <div>
                <Space size={4} wrap>
                  {item.acknowledged.map((a) => (
                    <Tag key={a.assignmentId} color="green">
                      {t('instructions.acknowledgedBy', { unit: a.unitName, name: a.acknowledgedBy ?? '' })}
                    </Tag>
                  ))}
                  {item.waiting.map((a) => (
                    <Tag key={a.assignmentId}>{t('instructions.waiting', { unit: a.unitName })}</Tag>
                  ))}
                </Space>
              </div>
              {item.canAcknowledge && (
                <Button
                  size="small"
                  type="primary"
                  style={{ marginTop: 6 }}
                  loading={acknowledge.isPending}
                  onClick={() =>
                    acknowledge.mutate(item.id, { onSuccess: () => message.success(t('instructions.acknowledged')), onError: failed })
                  }
                >
                  {t('instructions.acknowledge')}
                </Button>
              )}
            </Card>
          </List.Item>
        )}
      />
    </Flex>
  );
}
