import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadImportTemplate } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useOrgErrors } from './use-org-errors';

/** Hands a downloaded file to the browser's save dialog under `fileName`. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetched through the API client (not a plain link) so an expired session or an error is shown, not saved as a file. */
export function ImportTemplateButton() {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const errors = useOrgErrors();
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    downloadImportTemplate(slug)
      .then((blob) => saveFile(blob, t('import.templateFileName')))
      .catch((error: unknown) => errors.show(error))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
      {t('import.downloadTemplate')}
    </Button>
  );
}
