import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { fileUrl } from '../../../../admin-ui/src/module-kit';
import type { FileView } from '../../schemas/notice.schema';

/** A notice's files, each opening through core's `/files` (readable only by those who may read the notice). */
export function AttachmentList({ slug, files }: { slug: string; files: FileView[] }) {
  return (
    <Space orientation="vertical" size={4}>
      {files.map((file) => (
        <Typography.Link key={file.id} href={fileUrl(slug, file.id)} target="_blank" rel="noopener noreferrer">
          <PaperClipOutlined /> {file.name} ({Math.max(1, Math.round(file.sizeBytes / 1024))} KB)
        </Typography.Link>
      ))}
    </Space>
  );
}
