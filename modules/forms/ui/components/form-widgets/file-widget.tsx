import { useState } from 'react';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Image, Space, Typography } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { fileUrl, isApiError, uploadFile, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { useT } from '../../i18n/forms-i18n';

/**
 * A photo or file: uploaded at once to core `POST /files`; the answer is the file's id (the
 * schema says `format: "uuid"`, `"x-ref": "file"`, which the server checks exists).
 */
export function FileWidget({ id, value, disabled, readonly, options, onChange }: WidgetProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const [name, setName] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const imagesOnly = options.accept !== 'any';
  const fileId = typeof value === 'string' && value ? value : null;

  const onPick = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setProblem(null);
    try {
      const uploaded = await uploadFile(slug, file);
      setName(uploaded.name);
      onChange(uploaded.id);
    } catch (error) {
      setProblem(isApiError(error) ? t('widgets.uploadFailed', { code: error.code }) : t('widgets.uploadFailed', { code: 'CLIENT_ERROR' }));
    } finally {
      setUploading(false);
    }
  };

  const preview =
    fileId &&
    (imagesOnly ? (
      <Image src={fileUrl(slug, fileId)} width={120} alt={name ?? t('widgets.photo')} data-testid={`${id}-preview`} />
    ) : (
      <Typography.Link href={fileUrl(slug, fileId)} target="_blank">
        <PaperClipOutlined /> {name ?? t('widgets.attachment')}
      </Typography.Link>
    ));
  if (readonly || disabled) return preview || <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {preview}
      <Space wrap>
        <Button icon={<UploadOutlined />} loading={uploading} onClick={() => document.getElementById(`${id}-input`)?.click()}>
          {fileId ? t('widgets.replace') : imagesOnly ? t('widgets.uploadPhoto') : t('widgets.uploadFile')}
        </Button>
        {fileId && <Button icon={<DeleteOutlined />} onClick={() => onChange(undefined)} aria-label={t('widgets.remove')} />}
      </Space>
      <input
        id={`${id}-input`}
        data-testid={`${id}-input`}
        type="file"
        accept={imagesOnly ? 'image/*' : undefined}
        hidden
        onChange={(event) => {
          void onPick(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
    </Space>
  );
}
