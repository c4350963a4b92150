import { ArrowLeftOutlined, CloudUploadOutlined, HistoryOutlined, ImportOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space, Tag } from 'antd';
import { useT } from '../../i18n/forms-i18n';

interface EditorToolbarProps {
  name: string;
  onName: (name: string) => void;
  latestVersion: number;
  dirty: boolean;
  saving: boolean;
  publishing: boolean;
  canSave: boolean;
  onBack: () => void;
  onSave: () => void;
  onPublish: () => void;
  onVersions: () => void;
  onImport: () => void;
}

/** The editor's header: the form's name, its state, and save / publish / versions / import. */
export function EditorToolbar(props: EditorToolbarProps) {
  const t = useT();
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Button icon={<ArrowLeftOutlined />} onClick={props.onBack} aria-label={t('designer.back')} />
      <Input
        aria-label={t('designer.formName')}
        data-testid="form-name"
        value={props.name}
        maxLength={100}
        onChange={(e) => props.onName(e.target.value)}
        style={{ maxWidth: 320, fontWeight: 600 }}
      />
      {props.latestVersion > 0 ? (
        <Tag color="blue">{t('designer.latest', { version: props.latestVersion })}</Tag>
      ) : (
        <Tag>{t('designer.unpublished')}</Tag>
      )}
      {props.dirty && <Tag color="orange">{t('designer.unsaved')}</Tag>}
      <Space wrap style={{ marginInlineStart: 'auto' }}>
        <Button icon={<ImportOutlined />} onClick={props.onImport}>
          {t('designer.import')}
        </Button>
        <Button icon={<HistoryOutlined />} onClick={props.onVersions} data-testid="open-versions">
          {t('designer.versions')}
        </Button>
        <Button icon={<SaveOutlined />} onClick={props.onSave} loading={props.saving} disabled={!props.canSave} data-testid="save-draft">
          {t('designer.saveDraft')}
        </Button>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          onClick={props.onPublish}
          loading={props.publishing}
          disabled={!props.canSave}
          data-testid="publish"
        >
          {t('designer.publish')}
        </Button>
      </Space>
    </Flex>
  );
}
