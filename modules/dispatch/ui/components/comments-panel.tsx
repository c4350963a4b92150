import { App, Button, Card, Empty, Flex, Form, Image, Input, List, Typography } from 'antd';
import { countyTime, fileUrl, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useAddComment, useComments } from '../api/dispatch-extras.api';
import type { FileView } from '../../schemas/common.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { FileUploads } from './file-uploads';

/** Replies (回复) on a task: text and photos, newest first, from everyone who sees the task. */
export function CommentsPanel({ taskId }: { taskId: string }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const comments = useComments(slug, taskId);
  const add = useAddComment(slug);
  const [form] = Form.useForm<{ text: string; photos: FileView[] }>();

  const submit = (values: { text: string; photos: FileView[] }) =>
    add.mutate(
      { taskId, body: { text: values.text.trim(), ...(values.photos.length > 0 ? { photoIds: values.photos.map((p) => p.id) } : {}) } },
      { onSuccess: () => form.resetFields(), onError: (e) => message.error(actionError(t, e)) },
    );

  return (
    <Flex vertical gap={8} data-testid="comments-panel">
      <Form form={form} initialValues={{ photos: [] }} onFinish={submit}>
        <Form.Item
          name="text"
          rules={[{ required: true, whitespace: true, message: t('comments.textRequired') }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('comments.placeholder')} />
        </Form.Item>
        <Form.Item name="photos" style={{ marginBottom: 8 }}>
          <FileUploads photos max={9} testId="comment-photos" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('comments.send')}
        </Button>
      </Form>
      <List
        loading={comments.isLoading}
        dataSource={comments.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('comments.empty')} /> }}
        renderItem={(item) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Typography.Text strong>{item.author.name}</Typography.Text>
              {item.unitName && <Typography.Text type="secondary">{` · ${item.unitName}`}</Typography.Text>}
              {item.replyToAuthorName && (
                <Typography.Text type="secondary">{` · ${t('comments.replyTo', { name: item.replyToAuthorName })}`}</Typography.Text>
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{item.text}</Typography.Paragraph>
              {item.photos.length > 0 && (
                <Image.PreviewGroup>
                  <Flex wrap gap={6}>
                    {item.photos.map((p) => (
                      <Image key={p.id} src={fileUrl(slug, p.id)} width={64} height={64} style={{ objectFit: 'cover' }} alt={p.name} />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {countyTime(item.createdAt)}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
    </Flex>
  );
}
