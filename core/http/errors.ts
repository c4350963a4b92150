/** A field-level problem in a request, named by its path (e.g. `body.name`, `rows[3].phone`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * An expected failure with a stable code (`<AREA>_<REASON>`) and an HTTP status. Codes are
 * constants (core/schemas/error-codes.ts, a module's schemas/error-codes.ts), never literals here:
 * ESLint refuses a string literal as the code of these helpers and of `new AppError`.
 * The error handler turns it into `{"error": {"code", "message", "details"}}`.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) => new AppError(400, code, message, details);
export const unauthorized = (code: string, message: string) => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string, details: ErrorDetail[] = []) => new AppError(409, code, message, details);
export const payloadTooLarge = (code: string, message: string, details: ErrorDetail[] = []) => new AppError(413, code, message, details);
export const unsupportedMediaType = (code: string, message: string, details: ErrorDetail[] = []) =>
  new AppError(415, code, message, details);
export const tooManyRequests = (code: string, message: string, details: ErrorDetail[] = []) => new AppError(429, code, message, details);
