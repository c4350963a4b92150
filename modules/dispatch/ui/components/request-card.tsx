import { useState } from 'react';
import { App, Button, Card, Flex, Form, Image, Input, Rate, Space, Tag, Typography } from 'antd';
import { countyTime, fileUrl, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useRateRequest, useRespondRequest } from '../api/dispatch-extras.api';
import type { FileView } from '../../schemas/common.schema';
import type { RequestView } from '../../schemas/request.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';
import { FileUploads } from './file-uploads';
import { RequestHandling, RequestSteps } from './request-handling';

const STATUS_COLORS = { open: 'processing', accepted: 'cyan', responded: 'warning', rated: 'success', returned: 'error' } as const;

function Photos({ photos }: { photos: FileView[] }) {
  const { slug } = useTenantSession();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={6}>
        {photos.map((p) => (
          <Image key={p.id} src={fileUrl(slug, p.id)} width={64} height={64} style={{ objectFit: 'cover' }} alt={p.name} />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

/** One 镇呼县应 request: the call, the answer, the rating; the called unit answers, the calling unit rates. */
export function RequestCard({ item }: { item: RequestView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const respond = useRespondRequest(slug);
  const rate = useRateRequest(slug);
  const [answerForm] = Form.useForm<{ text: string; photos: FileView[] }>();
  const [rateForm] = Form.useForm<{ rating: number; comment?: string }>();
  const [score, setScore] = useState(5);
  const failed = (error: unknown) => message.error(actionError(t, error));

  return (
    <Card size="small" style={{ width: '100%' }} data-testid={`request-${item.id}`}>
      <Flex vertical gap={6}>
        <Space wrap size={4}>
          <Typography.Text strong>{item.title}</Typography.Text>
          <Tag color={STATUS_COLORS[item.status]}>{t(`requests.status.${item.status}`)}</Tag>
          {item.dueAt && <Tag>{t('requests.dueAt', { time: countyTime(item.dueAt) })}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {t('requests.route', {
            from: item.fromUnit.name,
            to: item.toUnit.name,
            name: item.createdBy.name,
            time: countyTime(item.createdAt),
          })}
        </Typography.Text>
        {item.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.body}</Typography.Paragraph>}
        <Photos photos={item.photos} />
        <RequestSteps item={item} />
        {item.returned && (
          <Typography.Text type="danger">
            {t('requests.returnedBy', { name: item.returned.by, time: countyTime(item.returned.at), reason: item.returned.reason })}
          </Typography.Text>
        )}
        {item.response && (
          <Card size="small" type="inner" title={t('requests.answer', { name: item.response.by.name, time: countyTime(item.response.at) })}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{item.response.text}</Typography.Paragraph>
            <Photos photos={item.response.photos} />
          </Card>
        )}
        {item.rating && (
          <Space wrap>
            <Rate disabled value={item.rating.score} />
            {item.rating.comment && <Typography.Text type="secondary">{item.rating.comment}</Typography.Text>}
          </Space>
        )}
        {item.viewer.answers && (item.status === 'open' || item.status === 'accepted') && <RequestHandling item={item} />}
        {item.viewer.answers && (item.status === 'open' || item.status === 'accepted') && (
          <Form
            form={answerForm}
            initialValues={{ photos: [] }}
            onFinish={(v) =>
              respond.mutate(
                { id: item.id, text: v.text.trim(), photoIds: v.photos.map((p) => p.id) },
                { onSuccess: () => message.success(t('requests.answered')), onError: failed },
              )
            }
          >
            <Form.Item
              name="text"
              rules={[{ required: true, whitespace: true, message: t('requests.answerRequired') }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('requests.answerPlaceholder')} />
            </Form.Item>
            <Form.Item name="photos" style={{ marginBottom: 8 }}>
              <FileUploads photos max={9} testId={`request-answer-photos-${item.id}`} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={respond.isPending}>
              {t('requests.respond')}
            </Button>
          </Form>
        )}
        {item.viewer.raises && item.status === 'responded' && (
          <Form
            form={rateForm}
            initialValues={{ rating: 5 }}
            onValuesChange={(changed: { rating?: number }) => changed.rating !== undefined && setScore(changed.rating)}
            onFinish={(v) =>
              rate.mutate(
                { id: item.id, rating: v.rating, comment: v.comment?.trim() || undefined },
                { onSuccess: () => message.success(t('requests.rated')), onError: failed },
              )
            }
          >
            <Form.Item name="rating" label={t('requests.rating')} style={{ marginBottom: 8 }}>
              <Rate />
            </Form.Item>
            <Form.Item
              name="comment"
              rules={[{ required: score <= 2, whitespace: true, message: t('requests.commentRequired') }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder={t('requests.commentPlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={rate.isPending}>
              {t('requests.rate')}
            </Button>
          </Form>
        )}
      </Flex>
    </Card>
  );
}
