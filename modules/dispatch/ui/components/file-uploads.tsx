import { useId, useState } from 'react';
import { CloseOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Image, Space, Typography } from 'antd';
import { fileUrl, isApiError, uploadFile, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { FileView } from '../../schemas/common.schema';
import { useT } from '../i18n/dispatch-i18n';

interface FileUploadsProps {
  value?: FileView[];
  onChange?: (files: FileView[]) => void;
  /** Photos: images only, shown as thumbnails (a phone offers its camera). */
  photos?: boolean;
  max: number;
  testId: string;
}

/** Attachments or photos, each uploaded at once to core `POST /files`; the form keeps their ids. */
export function FileUploads({ value = [], onChange, photos, max, testId }: FileUploadsProps) {
  const t = useT();
  const { slug } = useTenantSession();
  const inputId = useId();
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const onPick = async (picked: File[]) => {
    const room = Math.max(0, max - value.length);
    if (picked.length > room) setProblem(t('files.tooMany', { n: max }));
    else setProblem(null);
    const files = picked.slice(0, room);
    if (files.length === 0) return;
    setUploading((n) => n + files.length);
    const done: FileView[] = [];
    for (const file of files) {
      try {
        done.push(await uploadFile(slug, file));
      } catch (error) {
        setProblem(t('files.failed', { name: file.name, code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (done.length > 0) onChange?.([...value, ...done]);
  };

  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Flex wrap gap={8}>
        {value.map((file) => (
          <Space key={file.id} size={4} data-testid={`${testId}-file`}>
            {photos ? (
              <Image src={fileUrl(slug, file.id)} width={72} height={72} style={{ objectFit: 'cover' }} alt={file.name} />
            ) : (
              <Typography.Link href={fileUrl(slug, file.id)} target="_blank">
                <PaperClipOutlined /> {file.name}
              </Typography.Link>
            )}
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('files.remove', { name: file.name })}
              onClick={() => onChange?.(value.filter((f) => f.id !== file.id))}
            />
          </Space>
        ))}
      </Flex>
      {value.length < max && (
        <Button
          icon={<UploadOutlined />}
          loading={uploading > 0}
          onClick={() => document.getElementById(inputId)?.click()}
          style={{ alignSelf: 'flex-start' }}
        >
          {photos ? t('files.addPhotos') : t('files.addAttachments')}
        </Button>
      )}
      <input
        id={inputId}
        data-testid={`${testId}-input`}
        type="file"
        multiple
        accept={photos ? 'image/*' : undefined}
        // Not the `hidden` attribute: a flex container's reset styles would show the input anyway.
        style={{ display: 'none' }}
        onChange={(event) => {
          void onPick(Array.from(event.target.files ?? []));
          event.target.value = '';
        }}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
    </Flex>
  );
}
