import {
  apiDownload,
  apiRequest,
  fetchExportJob,
  isApiError,
  isUnfinished,
  saveFile,
  tenantScope,
  type ExportJob,
} from '../../../../admin-ui/src/module-kit';
import { FORMS_ERRORS } from '../../schemas/error-codes';
import type { JsonObject } from '../../schemas/common.schema';
import type { SubmissionView } from '../../schemas/submission.schema';

export interface SubmissionTarget {
  formId: string;
  version: number;
  collectionId?: string;
  periodKey?: string;
  assigneeId?: string;
}

/**
 * Saves or submits answers. Creating and submitting are idempotent: the same answers sent again
 * after a lost answer (a phone on a bad network) repeat the attempt's key, so the server creates
 * or submits nothing twice; changed answers are a new attempt.
 */
export function saveSubmission(
  slug: string,
  input: { submissionId: string | null; target: SubmissionTarget; data: JsonObject; draft: boolean },
): Promise<SubmissionView> {
  const scope = tenantScope(slug);
  const enc = encodeURIComponent;
  if (!input.submissionId) {
    const { formId, ...target } = input.target;
    return apiRequest(scope, `/forms/forms/${enc(formId)}/submissions`, {
      method: 'POST',
      body: { ...target, data: input.data, draft: input.draft },
      idempotent: true,
    });
  }
  if (input.draft)
    return apiRequest(scope, `/forms/submissions/${enc(input.submissionId)}`, { method: 'PATCH', body: { data: input.data } });
  return apiRequest(scope, `/forms/submissions/${enc(input.submissionId)}/submit`, {
    method: 'POST',
    body: { data: input.data },
    idempotent: true,
  });
}

/** Downloads an export (`…/export?…`) and hands it to the browser as a file named `fileName`. */
export async function downloadExport(
  slug: string,
  path: string,
  query: Record<string, string | undefined>,
  fileName: string,
): Promise<number> {
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
export async function exportXlsx(
  slug: string,
  formId: string,
  kind: 'list' | 'statistics',
  query: Record<string, string | undefined>,
  fileName: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const enc = encodeURIComponent;
  const path = `/forms/forms/${enc(formId)}/${kind === 'list' ? 'submissions' : 'statistics'}/export`;
  try {
    await downloadExport(slug, path, query, fileName);
    return;
  } catch (error) {
    if (!isApiError(error) || error.code !== FORMS_ERRORS.EXPORT_TOO_LARGE) throw error;
  }
  const body = Object.fromEntries(
    Object.entries(query).filter(([name, value]) => value !== undefined && value !== '' && name !== 'limit' && name !== 'cursor'),
  );
  let job = await apiRequest<ExportJob>(tenantScope(slug), `/forms/forms/${enc(formId)}/exports`, {
    method: 'POST',
    body: { kind, ...body },
  });
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
  const body = Object.fromEntries(
    Object.entries(query).filter(([name, value]) => value !== undefined && value !== '' && name !== 'limit' && name !== 'cursor'),
  );
  return apiRequest<ExportJob>(tenantScope(slug), `/forms/forms/${encodeURIComponent(formId)}/exports`, {
    method: 'POST',
    body: { kind: 'photos', ...body },
  });
}
