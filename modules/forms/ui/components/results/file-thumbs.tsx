import { PaperClipOutlined } from '@ant-design/icons';
import { Image, Space } from 'antd';
import { useState } from 'react';
import { fileUrl, useTenantSession } from '../../../../../admin-ui/src/module-kit';

/**
 * Photo or file answers as small thumbnails (a click previews the photo); a file that is not an
 * image shows as a paper clip linking to it. Served by core's files route, which decides who may
 * read it.
 */
export function FileThumbs({ ids, size = 40 }: { ids: string[]; size?: number }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space size={4} wrap onClick={(event) => event.stopPropagation()} data-testid="file-thumbs">
        {ids.map((id, i) => (
          <Thumb key={`${id}-${i}`} id={id} size={size} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function Thumb({ id, size }: { id: string; size: number }) {
  const { slug } = useTenantSession();
  const [notImage, setNotImage] = useState(false);
  const url = fileUrl(slug, id);
  if (notImage) {
    return (
      <a href={url} target="_blank" rel="noreferrer" aria-label={id}>
        <PaperClipOutlined />
      </a>
    );
  }
  return (
    <Image src={url} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" onError={() => setNotImage(true)} />
  );
}

/** The file ids of an answer: one id or a list of them. */
export function fileIdsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter((id): id is string => typeof id === 'string' && id.length > 0);
}
