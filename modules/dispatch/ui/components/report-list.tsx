import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Flex, Image, List, Progress, Space, Tag, Typography } from 'antd';
import { countyTime, fileUrl, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { CardColor, ReportStatus, ReportView } from '../../schemas/report.schema';
import { useT } from '../i18n/dispatch-i18n';
import { ReviewActions } from './review-actions';

const STATUS_COLORS: Record<ReportStatus, string> = { submitted: 'processing', accepted: 'success', returned: 'error' };
const CARD_COLORS: Record<CardColor, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** Answers of the report form as the form defines them: field titles and formatted values (from the server, the same as the aggregation sheet). */
function FormAnswers({ answers }: { answers: ReportView['answers'] }) {
  if (answers.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="report-answers"
      items={answers.map((a, i) => ({
        key: String(i),
        label: a.title,
        children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.value}</span>,
      }))}
    />
  );
}

/**
 * Progress reports, newest first: percent, text, photos, the problem flag, review state with the
 * reason of a return, and the card. `canReview` says per report whether the viewer reviews it.
 */
export function ReportList({
  reports,
  loading,
  canReview,
  showUnit,
}: {
  reports: ReportView[];
  loading: boolean;
  canReview: (report: ReportView) => boolean;
  showUnit?: boolean;
}) {
  const t = useT();
  const { slug } = useTenantSession();
  return (
    <List
      data-testid="report-list"
      loading={loading}
      dataSource={reports}
      locale={{ emptyText: <Empty description={t('reports.empty')} /> }}
      renderItem={(report) => (
        <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
          <Card size="small" style={{ width: '100%' }} data-testid={`report-${report.id}`} data-unit={report.unitName}>
            <Flex vertical gap={6}>
              <Flex justify="space-between" wrap gap={8} align="center">
                <Space wrap size={4}>
                  {showUnit && <Typography.Text strong>{report.unitName}</Typography.Text>}
                  <Tag color={STATUS_COLORS[report.status]}>{t(`reportStatus.${report.status}`)}</Tag>
                  {report.periodKey && <Tag>{t('reports.period', { key: report.periodKey })}</Tag>}
                  {report.problem && (
                    <Tag color="warning" icon={<WarningOutlined />}>
                      {t('reports.problem')}
                    </Tag>
                  )}
                  {report.card && (
                    <Tag color={CARD_COLORS[report.card.color]} data-testid={`card-tag-${report.id}`}>
                      {t(`card.${report.card.color}`)}
                    </Tag>
                  )}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${report.submitterName} · ${countyTime(report.createdAt)}`}
                </Typography.Text>
              </Flex>
              <Progress percent={report.progress} size="small" />
              {report.text && (
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{report.text}</Typography.Paragraph>
              )}
              {report.photos.length > 0 && (
                <Image.PreviewGroup>
                  <Flex wrap gap={6}>
                    {report.photos.map((photo) => (
                      <Image
                        key={photo.id}
                        src={fileUrl(slug, photo.id)}
                        width={64}
                        height={64}
                        style={{ objectFit: 'cover' }}
                        alt={photo.name}
                      />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              )}
              {report.answers.length > 0 && <FormAnswers answers={report.answers} />}
              {report.status === 'returned' && report.reviewReason && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('reports.returnedBy', { name: report.reviewerName ?? '' })}
                  description={report.reviewReason}
                />
              )}
              {report.card && (
                <Typography.Text type="secondary">
                  {t('card.line', { color: t(`card.${report.card.color}`), name: report.card.giverName, reason: report.card.reason })}
                </Typography.Text>
              )}
              {canReview(report) && <ReviewActions report={report} />}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
