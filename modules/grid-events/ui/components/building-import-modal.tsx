import { useId, useState } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { downloadBuildingTemplate, useImportBuildings, type BuildingImportResult } from '../api/buildings.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';

/**
 * Imports buildings from the .xlsx template: picking the file checks it (a dry run); the rows' problems
 * are listed as Excel numbers them; importing creates every building with its households, or none.
 */
export function BuildingImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const inputId = useId();
  const run = useImportBuildings(slug);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<BuildingImportResult | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  const fail = (error: unknown) => {
    setChecked(null);
    setProblems(
      isApiError(error) && error.details.length > 0
        ? error.details.map((d) => `${d.path.replace(/^body\./, '')} ${d.message}`)
        : [actionError(t, error)],
    );
  };
  const pick = (picked: File | undefined) => {
    if (!picked) return;
    setFile(picked);
    setProblems([]);
    setChecked(null);
    run.mutate({ file: picked, dryRun: true }, { onSuccess: setChecked, onError: fail });
  };
  const close = () => {
    setFile(null);
    setChecked(null);
    setProblems([]);
    onClose();
  };
  const submit = () => {
    if (!file || !checked) return;
    run.mutate(
      { file, dryRun: false },
      {
        onSuccess: (result) => {
          message.success(t('buildings.import.done', { buildings: result.buildings, households: result.households }));
          close();
        },
        onError: fail,
      },
    );
  };
  const template = () =>
    void downloadBuildingTemplate(slug, lang, lang === 'en' ? 'building-import-template.xlsx' : '楼栋导入模板.xlsx').catch(
      (error: unknown) => message.error(actionError(t, error)),
    );

  return (
    <Modal
      open={open}
      title={t('buildings.import.title')}
      onCancel={close}
      onOk={submit}
      okText={t('buildings.import.submit')}
      okButtonProps={{ disabled: !checked }}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="building-import">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('buildings.import.intro')}
        </Typography.Paragraph>
        <Flex wrap gap={8}>
          <Button icon={<DownloadOutlined />} onClick={template}>
            {t('buildings.import.template')}
          </Button>
          <Button icon={<UploadOutlined />} loading={run.isPending && !checked} onClick={() => document.getElementById(inputId)?.click()}>
            {file ? file.name : t('buildings.import.pick')}
          </Button>
        </Flex>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="building-import-input"
          onChange={(event) => {
            pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {checked && (
          <Alert
            type="success"
            showIcon
            title={t('buildings.import.checked', { buildings: checked.buildings, households: checked.households })}
            data-testid="building-import-checked"
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('buildings.import.problems')}
            description={<List size="small" dataSource={problems} renderItem={(p) => <List.Item>{p}</List.Item>} />}
            data-testid="building-import-problems"
          />
        )}
      </Flex>
    </Modal>
  );
}
