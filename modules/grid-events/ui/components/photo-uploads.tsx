import { useId, useState } from 'react';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Image } from 'antd';
import { isApiError } from '../../../../admin-ui/src/module-kit';
import type { FileView } from '../../schemas/common.schema';
import { useT } from '../i18n/grid-events-i18n';

export interface PickedPhoto {
  file: FileView;
  /** Where the page shows it: the stored file, or the picked one itself (a public upload is not readable back). */
  src: string;
}

interface PhotoUploadsProps {
  value?: PickedPhoto[];
  onChange?: (photos: PickedPhoto[]) => void;
  /** Stores one picked image and answers where to show it. */
  upload: (file: File) => Promise<PickedPhoto>;
  max: number;
  testId: string;
}

/**
 * Photos, each uploaded as soon as it is picked (a phone offers its camera and gallery); the form
 * keeps their ids. Thumbnails with a remove button; a failed upload says which file and why.
 */
export function PhotoUploads({ value = [], onChange, upload, max, testId }: PhotoUploadsProps) {
  const t = useT();
  const inputId = useId();
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const onPick = async (picked: File[]) => {
    const room = Math.max(0, max - value.length);
    setProblem(picked.length > room ? t('photos.tooMany', { n: max }) : null);
    const files = picked.slice(0, room);
    if (files.length === 0) return;
    setUploading((n) => n + files.length);
    const done: PickedPhoto[] = [];
    for (const file of files) {
      try {
        done.push(await upload(file));
      } catch (error) {
        const reason = isApiError(error) ? (error.isNetworkError ? t('errors.network') : error.code) : 'CLIENT_ERROR';
        setProblem(t('photos.failed', { name: file.name, reason }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (done.length > 0) onChange?.([...value, ...done]);
  };

  return (
    <Flex vertical gap={8} data-testid={testId}>
      {value.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {value.map((photo) => (
              <div key={photo.file.id} style={{ position: 'relative' }} data-testid={`${testId}-photo`}>
                <Image src={photo.src} width={80} height={80} style={{ objectFit: 'cover', borderRadius: 6 }} alt={photo.file.name} />
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  aria-label={t('photos.remove', { name: photo.file.name })}
                  onClick={() => onChange?.(value.filter((p) => p.file.id !== photo.file.id))}
                  style={{ position: 'absolute', top: -6, right: -6 }}
                />
              </div>
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {value.length < max && (
        <Button
          icon={<CameraOutlined />}
          loading={uploading > 0}
          onClick={() => document.getElementById(inputId)?.click()}
          style={{ alignSelf: 'flex-start' }}
          data-testid={`${testId}-add`}
        >
          {t('photos.add', { n: value.length, max })}
        </Button>
      )}
      <input
        id={inputId}
        data-testid={`${testId}-input`}
        type="file"
        multiple
        accept="image/*"
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
