import { Flex, Image } from 'antd';
import type { FileView } from '../../schemas/common.schema';

/** Photos as thumbnails that open large, swiping through the set. */
export function PhotoStrip({
  photos,
  src,
  size = 88,
  testId,
}: {
  photos: FileView[];
  src: (id: string) => string;
  size?: number;
  testId?: string;
}) {
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8} data-testid={testId}>
        {photos.map((photo) => (
          <Image
            key={photo.id}
            src={src(photo.id)}
            alt={photo.name}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 6 }}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
