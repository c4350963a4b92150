import { apiErrorFromResponse, networkError } from '../../../../admin-ui/src/api/api-error';
import { scopeBase, tenantScope } from '../../../../admin-ui/src/api/api-scope';
import { getCsrfToken } from '../../../../admin-ui/src/api/csrf-token-store';
import type { FileView, Report, ReportInput, TaskDetail, TaskInput } from './dispatch-types';

/** A POST the shared client cannot send: an Idempotency-Key header, or a multipart body. */
async function post<T>(slug: string, path: string, body: BodyInit, headers: Record<string, string>): Promise<T> {
  const scope = tenantScope(slug);
  const csrfToken = getCsrfToken(scope);
  let response: Response;
  try {
    response = await fetch(`${scopeBase(scope)}${path}`, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers } });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  return (await response.json()) as T;
}

const json = (idempotencyKey: string) => ({ 'content-type': 'application/json', 'idempotency-key': idempotencyKey });

/**
 * Creates and dispatches a task. `idempotencyKey` is made once per attempt by the caller: a retry
 * of the same attempt creates nothing twice.
 */
export const createTask = (slug: string, body: TaskInput, idempotencyKey: string) => post<TaskDetail>(slug, '/dispatch/tasks', JSON.stringify(body), json(idempotencyKey));

/** Reports progress (from a phone on a bad network too: the key makes a retry harmless). */
export const submitReport = (slug: string, assignmentId: string, body: ReportInput, idempotencyKey: string) =>
  post<Report>(slug, `/dispatch/assignments/${encodeURIComponent(assignmentId)}/reports`, JSON.stringify(body), json(idempotencyKey));

/** Uploads one file (core `POST /files`, multipart field `file`); the answer holds its id. */
export function uploadFile(slug: string, file: File): Promise<FileView> {
  const body = new FormData();
  body.append('file', file, file.name);
  return post(slug, '/files', body, {});
}

export const fileUrl = (slug: string, fileId: string) => `${scopeBase(tenantScope(slug))}/files/${encodeURIComponent(fileId)}`;
