import { ApiError, apiErrorFromResponse, networkError } from './api-error';
import { scopeBase, type ApiScope } from './api-scope';
import { clearCsrfToken, getCsrfToken } from './csrf-token-store';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
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

/**
 * One API call: JSON in and out, the session's CSRF token on every mutation, failures as
 * `ApiError` (network failures too), and a 401 handed to the unauthorized handler.
 */
export async function apiRequest<T>(scope: ApiScope, path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const csrfToken = getCsrfToken(scope);
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(scope, path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw networkError(cause);
  }

  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    if (error.status === 401 && options.redirectOnUnauthorized !== false) {
      clearCsrfToken(scope);
      onUnauthorized(scope);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ApiError(response.status, 'RESPONSE_INVALID', cause instanceof Error ? cause.message : 'Invalid response');
  }
}
