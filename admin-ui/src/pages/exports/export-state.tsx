import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportJob, ExportStatus } from '../../api/exports.api';

const COLORS: Record<ExportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** The export's state, with how far it got while it is written and why it stopped when it failed. */
export function ExportState({ job }: { job: ExportJob }) {
  const { t } = useTranslation('exports');
  const unfinished = job.status === 'queued' || job.status === 'running';
  return (
    <Flex wrap gap={8} align="center">
      <Tag color={COLORS[job.status]} data-testid={`export-state-${job.id}`} style={{ marginInlineEnd: 0 }}>
        {t(`status.${job.status}`)}
      </Tag>
      {unfinished && (
        <Progress percent={Math.round(job.progress * 100)} size="small" style={{ width: 140, margin: 0 }} aria-label={t('progress')} />
      )}
      {unfinished && job.total > 0 && (
        <Typography.Text type="secondary">{t('counted', { done: job.done, total: job.total })}</Typography.Text>
      )}
      {job.status === 'failed' && job.error && <Typography.Text type="danger">{job.error}</Typography.Text>}
    </Flex>
  );
}
