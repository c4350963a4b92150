import { useState } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Result, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { IMPORT_MAX_BYTES, useImportOrg, type ImportCounts } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { AccountsAfterImportLink } from './accounts-after-import-link';
import { importProblems, type ImportProblem } from './import-details';
import { ImportErrorTable } from './import-error-table';
import { ImportTemplateButton } from './import-template-button';
import { useOrgErrors } from './use-org-errors';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

type Outcome = { kind: 'done'; counts: ImportCounts } | { kind: 'rejected'; problems: ImportProblem[] } | { kind: 'failed'; text: string };

/** Import units and people from an .xlsx: template, file, upload with progress, then counts or the per-row report. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const importOrg = useImportOrg(slug);
  const errors = useOrgErrors();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const pick = (picked: File) => {
    setOutcome(picked.size > IMPORT_MAX_BYTES ? { kind: 'failed', text: t('import.tooLarge') } : null);
    setFile(picked.size > IMPORT_MAX_BYTES ? null : picked);
    setProgress(0);
    // Kept here until "import"; antd must not upload it by itself.
    return false;
  };

  const upload = () => {
    if (!file) return;
    setOutcome(null);
    setProgress(0);
    importOrg.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: ({ imported }) => {
          setOutcome({ kind: 'done', counts: imported });
          setFile(null);
        },
        onError: (error) => {
          // ORG_IMPORT_INVALID (bad rows) and ORG_OUT_OF_SCOPE (rows outside the scope) both list cells.
          if (
            isApiError(error) &&
            (error.code === CORE_ERRORS.ORG_IMPORT_INVALID || error.code === CORE_ERRORS.ORG_OUT_OF_SCOPE) &&
            error.details.length > 0
          ) {
            setOutcome({ kind: 'rejected', problems: importProblems(error.details) });
          } else if (isApiError(error) && error.status === 413) setOutcome({ kind: 'failed', text: t('import.tooLarge') });
          else setOutcome({ kind: 'failed', text: errors.textOf(error) });
        },
      },
    );
  };

  const close = () => {
    if (importOrg.isPending) return;
    setFile(null);
    setOutcome(null);
    setProgress(0);
    onClose();
  };

  const sent = Math.round(progress * 100);
  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={close}
      width={720}
      footer={<Button onClick={close}>{t('import.close')}</Button>}
      destroyOnHidden
    >
      <Flex vertical gap={16} data-testid="import-modal">
        <Typography.Paragraph style={{ margin: 0 }}>{t('import.intro')}</Typography.Paragraph>
        <Flex wrap gap={8}>
          <ImportTemplateButton />
        </Flex>
        <Upload.Dragger accept=".xlsx" maxCount={1} beforeUpload={pick} showUploadList={false} disabled={importOrg.isPending}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('import.pick')}</p>
          <p className="ant-upload-hint">{t('import.pickHint')}</p>
        </Upload.Dragger>
        <Flex justify="end">
          <Button type="primary" disabled={!file} loading={importOrg.isPending} onClick={upload}>
            {t('import.start')}
          </Button>
        </Flex>
        {importOrg.isPending && (
          <div data-testid="import-progress">
            <Progress percent={sent} status="active" />
            <Typography.Text type="secondary">{sent < 100 ? t('import.uploading') : t('import.checking')}</Typography.Text>
          </div>
        )}
        {outcome?.kind === 'done' && (
          <Result
            status="success"
            title={t('import.done')}
            subTitle={t('import.doneCounts', {
              units: outcome.counts.units,
              people: outcome.counts.people,
              positions: outcome.counts.positions,
            })}
            style={{ padding: 16 }}
            data-testid="import-success"
            extra={<AccountsAfterImportLink />}
          />
        )}
        {outcome?.kind === 'rejected' && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('import.rejected', { count: outcome.problems.length })}
              description={t('import.nothingImported')}
            />
            <ImportErrorTable problems={outcome.problems} />
          </>
        )}
        {outcome?.kind === 'failed' && <Alert type="error" showIcon title={outcome.text} description={t('import.nothingImported')} />}
      </Flex>
    </Modal>
  );
}
