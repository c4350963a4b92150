import { ApiError, apiErrorFromResponse, networkError } from './api-error';
import { scopeBase, scopeKey, type ApiScope } from './api-scope';
import { clearCsrfToken, getCsrfToken } from './csrf-token-store';
import { attemptKey, closeAttempt, newIdempotencyKey } from './idempotency-key';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON; a `FormData` is sent as it is (multipart, the browser writes its boundary). */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** Added to the client's own (accept, content type); the CSRF token stays the client's. */
  headers?: Record<string, string>;
  /**
   * A create the server accepts an `Idempotency-Key` for: the client makes the key and keeps it
   * while the attempt is open, so sending the same request again after a lost answer creates
   * nothing twice (api/idempotency-key.ts). A JSON body identifies the attempt; a `FormData`
   * body cannot, so each such call is an attempt of its own.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Sign-in calls set false: their 401 means wrong credentials, not an expired session. */
  redirectOnUnauthorized?: boolean;
}

type UnauthorizedHandler = (scope: ApiScope) => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app decides what an expired session does (go to sign-in and come back); set once at start. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

function buildUrl(scope: ApiScope, path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
  const search = params.toString();
  return `${scopeBase(scope)}${path}${search ? `?${search}` : ''}`;
}

/** The ApiError of a failed answer; a 401 also goes to the unauthorized handler. */
async function failedResponse(scope: ApiScope, response: Response, redirectOnUnauthorized = true): Promise<ApiError> {
  const error = await apiErrorFromResponse(response);
  if (error.status === 401 && redirectOnUnauthorized) {
    clearCsrfToken(scope);
    onUnauthorized(scope);
  }
  return error;
}

/**
 * One API call: JSON in and out (or a multipart form in), the session's CSRF token on every
 * mutation, an Idempotency-Key per attempt when asked, failures as `ApiError` (network failures
 * too), and a 401 handed to the unauthorized handler.
 */
export async function apiRequest<T>(scope: ApiScope, path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const url = buildUrl(scope, path, options.query);
  const multipart = options.body instanceof FormData;
  const body = options.body === undefined || multipart ? (options.body as FormData | undefined) : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const csrfToken = getCsrfToken(scope);
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const attempt = options.idempotent && !multipart ? `${scopeKey(scope)} ${method} ${url} ${body ?? ''}` : null;
  if (options.idempotent) headers['idempotency-key'] = attempt === null ? newIdempotencyKey() : attemptKey(attempt);

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw networkError(cause);
  }

  if (!response.ok) throw await failedResponse(scope, response, options.redirectOnUnauthorized);
  if (attempt !== null) closeAttempt(attempt, headers['idempotency-key']);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ApiError(response.status, 'RESPONSE_INVALID', cause instanceof Error ? cause.message : 'Invalid response');
  }
}

/** A file from the API (e.g. a spreadsheet template), with the same error handling as apiRequest. */
export async function apiDownload(scope: ApiScope, path: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(buildUrl(scope, path, undefined), { credentials: 'same-origin', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw networkError(cause);
  }
  if (!response.ok) throw await failedResponse(scope, response);
  return response.blob();
}

export interface UploadOptions {
  contentType: string;
  /** Share of the body sent so far, 0–1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file as the raw request body and reads a JSON answer. XMLHttpRequest rather than fetch
 * because only XHR reports upload progress; errors come out exactly as from apiRequest.
 */
export function uploadRaw<T>(scope: ApiScope, path: string, body: Blob, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(scope, path, undefined));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    const csrfToken = getCsrfToken(scope);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(networkError(new Error('Upload failed')));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      // Rebuilt as a Response so the error body is read by the same code as every other call.
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (!response.ok) {
        void failedResponse(scope, response).then(reject);
        return;
      }
      if (response.status === 204) return resolve(undefined as T);
      response.json().then(
        (value: unknown) => resolve(value as T),
        (cause: unknown) =>
          reject(new ApiError(response.status, 'RESPONSE_INVALID', cause instanceof Error ? cause.message : 'Invalid response')),
      );
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
