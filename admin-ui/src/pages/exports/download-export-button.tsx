import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { downloadExport, type ExportJob } from '../../api/exports.api';
import { useTenantSession } from '../../auth/tenant-session-context';

/** Saves a finished export's file under its own name; disabled until it is done. */
export function DownloadExportButton({ job, primary = false }: { job: ExportJob; primary?: boolean }) {
  const { t } = useTranslation('exports');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadExport(slug, job);
    } catch (error) {
      message.error(t('downloadFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={<DownloadOutlined />}
      disabled={job.status !== 'done'}
      loading={busy}
      onClick={() => void download()}
      data-testid={`download-export-${job.id}`}
    >
      {t('download')}
    </Button>
  );
}
