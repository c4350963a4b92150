import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import type { JsonObject } from '../../../schemas/common.schema';
import { parseImport } from '../../designer/parse-import';
import { useT } from '../../i18n/forms-i18n';
import { SchemaProblems } from './schema-problems';

export interface ImportResult {
  name: string;
  schema: JsonObject;
  uiSchema: JsonObject;
}

interface ImportModalProps {
  open: boolean;
  /** Asks for a name (a new form) or not (replacing a draft). */
  withName: boolean;
  onClose: () => void;
  /** Saves on the server; a rejection's details are shown here. */
  onImport: (result: ImportResult) => Promise<unknown>;
}

/** Paste or upload a JSON Schema (+ uiSchema) written elsewhere; the server checks it. */
export function ImportModal({ open, withName, onClose, onImport }: ImportModalProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [schemaText, setSchemaText] = useState('');
  const [uiText, setUiText] = useState('');
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [serverError, setServerError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const parsed = parseImport(text, '');
    if (parsed.ok && parsed.fromBundle) {
      setSchemaText(JSON.stringify(parsed.schema, null, 2));
      setUiText(JSON.stringify(parsed.uiSchema, null, 2));
    } else setSchemaText(text);
    if (!name) setName(file.name.replace(/\.json$/i, ''));
  };

  const submit = async () => {
    setServerError(null);
    const parsed = parseImport(schemaText, uiText);
    if (!parsed.ok) return setLocalProblem(t(`import.${parsed.problem}`));
    setLocalProblem(null);
    setSaving(true);
    try {
      await onImport({ name: name.trim() || t('import.defaultName'), schema: parsed.schema, uiSchema: parsed.uiSchema });
      onClose();
    } catch (error) {
      setServerError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('import.submit')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid="import-form">
        {withName && (
          <Form.Item label={t('import.name')} htmlFor="import-name">
            <Input id="import-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          </Form.Item>
        )}
        <Form.Item label={t('import.schema')} htmlFor="import-schema" extra={t('import.schemaHelp')}>
          <Input.TextArea
            id="import-schema"
            value={schemaText}
            onChange={(e) => setSchemaText(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 16 }}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Form.Item label={t('import.uiSchema')} htmlFor="import-ui">
          <Input.TextArea
            id="import-ui"
            value={uiText}
            onChange={(e) => setUiText(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 10 }}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => document.getElementById('import-file')?.click()}>
            {t('import.upload')}
          </Button>
          <input
            id="import-file"
            data-testid="import-file"
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </Space>
        {localProblem && <Alert type="error" showIcon title={localProblem} style={{ marginTop: 12 }} data-testid="import-problem" />}
        <div style={{ marginTop: 12 }}>
          <SchemaProblems error={serverError} />
        </div>
      </Form>
    </Modal>
  );
}
