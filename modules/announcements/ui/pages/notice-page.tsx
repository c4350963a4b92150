import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Flex, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorResult, PageLoading, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useConfirmNotice, useReadNotice } from '../api/announcements.api';
import { actionError } from '../components/action-error';
import { AttachmentList } from '../components/attachment-list';
import { NoticeBody } from '../components/notice-body';
import { pagePath } from '../components/paths';
import { useT } from '../i18n/announcements-i18n';

/** `/announcements/notices/:id`: a notice addressed to the user; opening it records the read, confirming when asked. */
export default function NoticePage() {
  const t = useT();
  const { id = '' } = useParams();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const { message } = App.useApp();
  const notice = useReadNotice(slug, id);
  const confirm = useConfirmNotice(slug, id);

  if (notice.isLoading) return <PageLoading />;
  if (notice.error || !notice.data) return <ErrorResult error={notice.error} onRetry={() => void notice.refetch()} />;
  const view = notice.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <Link to={pagePath(slug, 'notices')}>← {t('reading.back')}</Link>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="notice-title">
          {view.pinned && <Tag color="red">{t('notices.pinned')}</Tag>}
          {view.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('notices.publishedBy', { unit: view.unit ?? '', time: time(view.publishedAt) })}
          {view.expiresAt && ` · ${t('reading.expiresAt', { time: time(view.expiresAt) })}`}
        </Typography.Text>
        {view.expired && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('reading.expired')} />}
        <Divider />
        <NoticeBody html={view.bodyHtml} />
        {view.attachments.length > 0 && (
          <>
            <Divider titlePlacement="start">{t('reading.attachments')}</Divider>
            <AttachmentList slug={slug} files={view.attachments} />
          </>
        )}
        <Divider />
        <Space orientation="vertical">
          {view.readAt && <Typography.Text type="secondary">{t('reading.readAt', { time: time(view.readAt) })}</Typography.Text>}
          {view.requiresConfirmation &&
            (view.confirmedAt ? (
              <Typography.Text type="success" data-testid="confirmed-at">
                <CheckCircleOutlined /> {t('reading.confirmedAt', { time: time(view.confirmedAt) })}
              </Typography.Text>
            ) : (
              <>
                <Typography.Text>{t('reading.confirmHint')}</Typography.Text>
                <Button
                  type="primary"
                  data-testid="confirm-receipt"
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate(undefined, { onError: (error) => void message.error(actionError(t, error)) })}
                >
                  {t('reading.confirm')}
                </Button>
              </>
            ))}
        </Space>
      </Card>
    </Flex>
  );
}
