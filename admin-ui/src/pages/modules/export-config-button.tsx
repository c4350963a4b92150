import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../../api/http-client';
import { tenantScope } from '../../api/api-scope';
import { ApiError } from '../../api/api-error';
import { useTenantSession } from '../../auth/tenant-session-context';
import { saveFile } from '../../components/save-file';

/**
 * Downloads this county's whole setup (units, roles, modules, custom fields…) in the
 * tenant-config format that `npm run tenants:apply` applies to another tenant. Admins only.
 */
export function ExportConfigButton() {
  const { t } = useTranslation('modules');
  const { slug, user } = useTenantSession();
  const [busy, setBusy] = useState(false);
  if (!user.isTenantAdmin) return null;
  const download = () => {
    setBusy(true);
    apiDownload(tenantScope(slug), '/config/export')
      .then((blob) => saveFile(blob, `${slug}.tenant-config.json`))
      .catch((error: unknown) => message.error(t('exportFailed', { code: error instanceof ApiError ? error.code : 'NETWORK' })))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid="export-config">
      {t('exportConfig')}
    </Button>
  );
}
