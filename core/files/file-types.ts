import type { FileTypeResult } from 'file-type';

/**
 * The one place that says which uploads are accepted. Keys are the extensions `file-type`
 * reports after sniffing the content (never the client's name or Content-Type); `inline` types
 * may be shown in the browser, every other type downloads as an attachment.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, { inline: boolean }>> = {
  jpg: { inline: true },
  png: { inline: true },
  gif: { inline: true },
  webp: { inline: true },
  pdf: { inline: false },
  docx: { inline: false },
  xlsx: { inline: false },
  pptx: { inline: false },
  // Legacy .doc / .xls / .ppt are Compound File Binary containers; file-type cannot tell them apart.
  cfb: { inline: false },
  zip: { inline: false },
  mp4: { inline: false },
};

export function isAllowedFileType(type: FileTypeResult): boolean {
  return Object.hasOwn(ALLOWED_FILE_TYPES, type.ext);
}

/** Whether a stored content type may be shown inline (images only). */
export function isInlineContentType(contentType: string): boolean {
  return /^image\/(jpeg|png|gif|webp)$/.test(contentType);
}
