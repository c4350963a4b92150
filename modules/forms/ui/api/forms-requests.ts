import { apiErrorFromResponse, isApiError, networkError } from '../../../../admin-ui/src/api/api-error';
import { scopeBase, tenantScope } from '../../../../admin-ui/src/api/api-scope';
import { getCsrfToken } from '../../../../admin-ui/src/api/csrf-token-store';
import { apiDownload, apiRequest } from '../../../../admin-ui/src/api/http-client';
import type { JsonObject, Submission, UploadedFile } from './forms-types';
import { saveFile } from '../../../../admin-ui/src/components/save-file';
import { fetchExportJob, isUnfinished, type ExportJob } from '../../../../admin-ui/src/api/exports.api';

/** A mutation the shared client cannot send: extra headers, or a multipart body. */
async function send<T>(slug: string, method: 'POST' | 'PATCH', path: string, body: BodyInit, headers: Record<string, string>): Promise<T> {
  const scope = tenantScope(slug);
  const csrfToken = getCsrfToken(scope);
  let response: Response;
  try {
    response = await fetch(`${scopeBase(scope)}${path}`, { method, body, credentials: 'same-origin', headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers } });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  return (await response.json()) as T;
}

export interface SubmissionTarget {
  formId: string;
  version: number;
  collectionId?: string;
  periodKey?: string;
  assigneeId?: string;
}

/**
 * Saves or submits answers. `idempotencyKey` is made once per attempt by the caller: a retry of
 * the same attempt (a phone on a bad network) sends the same key, and the server creates nothing twice.
 */
export function saveSubmission(slug: string, input: { submissionId: string | null; target: SubmissionTarget; data: JsonObject; draft: boolean; idempotencyKey: string }): Promise<Submission> {
  const json = { 'content-type': 'application/json' };
  const enc = encodeURIComponent;
  if (!input.submissionId) {
    const { formId, ...target } = input.target;
    const body = JSON.stringify({ ...target, data: input.data, draft: input.draft });
    return send(slug, 'POST', `/forms/forms/${enc(formId)}/submissions`, body, { ...json, 'idempotency-key': input.idempotencyKey });
  }
  if (input.draft) return send(slug, 'PATCH', `/forms/submissions/${enc(input.submissionId)}`, JSON.stringify({ data: input.data }), json);
  return send(slug, 'POST', `/forms/submissions/${enc(input.submissionId)}/submit`, JSON.stringify({ data: input.data }), { ...json, 'idempotency-key': input.idempotencyKey });
}

/** Uploads one file (core `POST /files`, multipart field `file`); the answer holds its id. */
export function uploadFile(slug: string, file: File): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return send(slug, 'POST', '/files', body, {});
}

export const fileUrl = (slug: string, fileId: string) => `${scopeBase(tenantScope(slug))}/files/${encodeURIComponent(fileId)}`;

/** Downloads an export (`…/export?…`) and hands it to the browser as a file named `fileName`. */
export async function downloadExport(slug: string, path: string, query: Record<string, string | undefined>, fileName: string): Promise<number> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  const search = params.toString();
  const blob = await apiDownload(tenantScope(slug), `${path}${search ? `?${search}` : ''}`);
  saveFile(blob, fileName);
  return blob.size;
}

/**
 * An .xlsx of the filtered list or statistics: downloaded at once when small; when the server
 * answers FORMS_EXPORT_TOO_LARGE, written by an export job (one of the user's exports, core's
 * `/exports`) whose progress (0–1) is reported until its file is ready.
 */
export async function exportXlsx(slug: string, formId: string, kind: 'list' | 'statistics', query: Record<string, string | undefined>, fileName: string, onProgress: (fraction: number) => void): Promise<void> {
  const enc = encodeURIComponent;
  const path = `/forms/forms/${enc(formId)}/${kind === 'list' ? 'submissions' : 'statistics'}/export`;
  try {
    await downloadExport(slug, path, query, fileName);
    return;
  } catch (error) {
    if (!isApiError(error) || error.code !== 'FORMS_EXPORT_TOO_LARGE') throw error;
  }
  const body = Object.fromEntries(Object.entries(query).filter(([name, value]) => value !== undefined && value !== '' && name !== 'limit' && name !== 'cursor'));
  let job = await apiRequest<ExportJob>(tenantScope(slug), `/forms/forms/${enc(formId)}/exports`, { method: 'POST', body: { kind, ...body } });
  while (isUnfinished(job)) {
    onProgress(job.progress);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = await fetchExportJob(slug, job.id);
  }
  if (job.status === 'failed') throw new Error(job.error ?? 'export failed');
  onProgress(1);
  await downloadExport(slug, `/exports/${enc(job.id)}/file`, {}, fileName);
}

/**
 * Starts a `.zip` of the photo and file answers of the filtered list (always an export job: photos
 * are too many for one request); the caller follows it on 我的导出 (core's exports page), and is
 * notified when it is ready.
 */
export function startPhotoExport(slug: string, formId: string, query: Record<string, string | undefined>): Promise<ExportJob> {
  const body = Object.fromEntries(Object.entries(query).filter(([name, value]) => value !== undefined && value !== '' && name !== 'limit' && name !== 'cursor'));
  return apiRequest<ExportJob>(tenantScope(slug), `/forms/forms/${encodeURIComponent(formId)}/exports`, { method: 'POST', body: { kind: 'photos', ...body } });
}
