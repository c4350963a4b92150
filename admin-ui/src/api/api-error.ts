/** A field-level problem reported by the server, e.g. `{ path: 'body.currentPassword', message: 'is wrong' }`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Every failed API call, in one shape: the server's `{"error": {"code","message","details"}}`,
 * or status 0 with code `NETWORK_ERROR` when no answer came (retryable).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  error.cause = cause;
  return error;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

function toIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/** Reads the error shape defensively: a proxy's HTML error page must still give an ApiError. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a gateway's page): the status alone has to do.
  }
  const error = body.error ?? {};
  return new ApiError(
    response.status,
    typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
    typeof error.message === 'string' ? error.message : response.statusText,
    toIssues(error.details),
  );
}
