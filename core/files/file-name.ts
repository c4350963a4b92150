import { UNSAFE_TEXT_CHARACTER } from '../schemas/common.schema.ts';

/** Longest original file name kept, in characters. */
export const FILE_NAME_MAX_LENGTH = 200;

// C0 and C1 controls, DEL, lone surrogates and the bidi controls that disguise extensions ("gpj.exe"
// shown as "exe.jpg"): the rule names follow too (core/schemas/common.schema.ts).
const FORBIDDEN_CHARACTERS = UNSAFE_TEXT_CHARACTER;

/**
 * Why an uploaded file's original name is refused, or null when it is acceptable. The name is
 * only ever metadata (the content is stored under the file id), but it comes back in
 * Content-Disposition and in the UI, so it must not carry paths or control characters.
 */
export function fileNameProblem(name: string | undefined): string | null {
  if (name === undefined || name.trim() === '') return 'is required';
  if ([...name].length > FILE_NAME_MAX_LENGTH) return `must be at most ${FILE_NAME_MAX_LENGTH} characters`;
  if (/[/\\]/.test(name)) return 'must not contain path separators';
  if (name.includes('..')) return 'must not contain ".."';
  if (FORBIDDEN_CHARACTERS.test(name)) return 'must not contain control characters';
  return null;
}

/**
 * `Content-Disposition` with an ASCII fallback `filename` and the exact name as RFC 5987
 * `filename*` (UTF-8, percent-encoded), which browsers prefer for Chinese names.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

function encodeRfc5987(value: string): string {
  // encodeURIComponent leaves ' ( ) * unescaped; RFC 5987 attr-char does not allow them.
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
