import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadImportTemplate } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useOrgErrors } from './use-org-errors';
import { saveFile } from '../../components/save-file';

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
