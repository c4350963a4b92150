import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Tag, Typography } from 'antd';
import { isApiError, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import type { ExportJob, ExportStatus } from '../../api/exports.api';
import { downloadExport } from '../../api/forms-requests';
import { useT } from '../../i18n/forms-i18n';

const COLORS: Record<ExportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** The export's state, with how far it got while it runs and why it stopped when it failed. */
export function ExportState({ job }: { job: ExportJob }) {
  const t = useT();
  return (
    <>
      <Tag color={COLORS[job.status]} data-testid={`export-state-${job.id}`}>
        {t(`exports.status.${job.status}`)}
      </Tag>
      {(job.status === 'running' || job.status === 'queued') && <Progress percent={Math.round(job.progress * 100)} size="small" style={{ maxWidth: 160 }} />}
      {job.status === 'failed' && job.error && <Typography.Text type="danger">{job.error}</Typography.Text>}
    </>
  );
}

/** Saves the finished workbook or zip under the form's name (the server's file name is the same). */
export function DownloadExportButton({ job, primary = false }: { job: ExportJob; primary?: boolean }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const fileName = job.kind === 'photos' ? `${job.formName}-${t('results.photosFileName')}.zip` : `${job.formName}-${job.kind === 'list' ? t('results.fileName') : t('stats.fileName')}.xlsx`;
  const download = async () => {
    setBusy(true);
    try {
      await downloadExport(slug, `/forms/exports/${encodeURIComponent(job.id)}/file`, {}, fileName);
    } catch (error) {
      message.error(t('results.exportFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={primary ? 'primary' : 'default'} icon={<DownloadOutlined />} disabled={job.status !== 'done'} loading={busy} onClick={() => void download()} data-testid={`download-export-${job.id}`}>
      {t('exports.download')}
    </Button>
  );
}
