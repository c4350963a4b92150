import { useCallback } from 'react';
import { fileUrl, uploadFile, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { PickedPhoto } from './photo-uploads';

/** Uploads for signed-in pages: core `POST /files`, shown from the stored file. */
export function useSignedInUpload(): (file: File) => Promise<PickedPhoto> {
  const { slug } = useTenantSession();
  return useCallback(
    async (file: File) => {
      const stored = await uploadFile(slug, file);
      return { file: stored, src: fileUrl(slug, stored.id) };
    },
    [slug],
  );
}
