import { useState } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Table, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { countyTime, isApiError, useTenantSession, type FieldIssue } from '../../../../admin-ui/src/module-kit';
import { dispatchKeys } from '../api/dispatch.api';
import { importTasks, downloadImportTemplate } from '../api/task-import.api';
import type { TaskImportResult } from '../../schemas/task-import.schema';
import { useT } from '../i18n/dispatch-i18n';
import { UnitPicker } from './unit-picker';

interface RowIssue {
  key: number;
  row: string;
  column: string;
  message: string;
}

/** `rows[3].牵头单位` → row 3, column 牵头单位; other paths (a missing column, the file) stay whole. */
function rowIssues(details: FieldIssue[]): RowIssue[] {
  return details.map((d, key) => {
    const match = /^rows\[(\d+)\]\.(.+)$/.exec(d.path);
    return { key, row: match?.[1] ?? '', column: match?.[2] ?? d.path, message: d.message };
  });
}

/**
 * 批量导入: download the template, pick the supervising unit and the filled-in workbook, check it
 * (a dry run lists each task with its resolved deadline), then import all or nothing. Problems
 * are listed by Excel row and column.
 */
export function TaskImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug, user } = useTenantSession();
  const queryClient = useQueryClient();
  const [ownerUnitId, setOwnerUnitId] = useState<string | undefined>(user.unit?.id);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<RowIssue[]>();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<TaskImportResult>();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';

  const reset = () => {
    setIssues(undefined);
    setError(undefined);
    setResult(undefined);
  };
  const send = async (dryRun: boolean) => {
    if (!file || !ownerUnitId) return;
    reset();
    setBusy(true);
    try {
      const answer = await importTasks(slug, file, ownerUnitId, dryRun);
      setResult(answer);
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: dispatchKeys.all(slug) });
    } catch (e) {
      if (isApiError(e) && e.details.length > 0) setIssues(rowIssues(e.details));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    reset();
    setFile(undefined);
    onClose();
  };

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} width={720} footer={null} destroyOnHidden data-testid="task-import">
      <Flex vertical gap={12}>
        <Alert type="info" showIcon message={t('import.help')} />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadImportTemplate(slug, lang, t('import.templateFile'))}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('import.template')}
        </Button>
        <Form layout="vertical">
          <Form.Item label={t('task.ownerUnit')} required>
            <UnitPicker<string | undefined> value={ownerUnitId} onChange={setOwnerUnitId} placeholder={t('task.ownerUnitRequired')} />
          </Form.Item>
          <Form.Item label={t('import.file')} required>
            <Upload
              accept=".xlsx"
              maxCount={1}
              beforeUpload={(picked) => {
                setFile(picked);
                reset();
                return false;
              }}
              onRemove={() => setFile(undefined)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('import.pick')}</Button>
            </Upload>
          </Form.Item>
        </Form>
        <Flex gap={8} wrap>
          <Button disabled={!file || !ownerUnitId} loading={busy} onClick={() => void send(true)} data-testid="import-check">
            {t('import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || !ownerUnitId}
            loading={busy}
            onClick={() => void send(false)}
            data-testid="import-submit"
          >
            {t('import.submit')}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon message={error} />}
        {issues && (
          <>
            <Alert type="error" showIcon message={t('import.refused', { n: issues.length })} />
            <Table<RowIssue>
              size="small"
              rowKey="key"
              dataSource={issues}
              pagination={false}
              scroll={{ x: 480, y: 320 }}
              data-testid="import-issues"
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                { title: t('import.column'), dataIndex: 'column', width: 120 },
                { title: t('import.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
        {result && (
          <>
            <Alert
              type="success"
              showIcon
              message={result.dryRun ? t('import.checked', { n: result.count }) : t('import.done', { n: result.count })}
            />
            <Table
              size="small"
              rowKey="row"
              dataSource={result.tasks}
              pagination={false}
              scroll={{ x: 480, y: 320 }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                { title: t('task.title'), dataIndex: 'title' },
                { title: t('task.deadline'), dataIndex: 'deadline', width: 150, render: (deadline: string) => countyTime(deadline) },
                { title: t('task.unitCount'), dataIndex: 'units', width: 80 },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
