import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A session token is `<owner id>.<secret>`; only sha256(secret) is stored. The owner id (tenant id,
 * or `platform`) lets a request tell "session of another tenant" (403) from "no session" (401).
 */
export function newSessionToken(ownerId: string): { token: string; id: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${ownerId}.${secret}`, id: hashSecret(secret) };
}

export function parseSessionToken(token: string | undefined): { ownerId: string; id: string } | null {
  if (!token) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { ownerId: token.slice(0, dot), id: hashSecret(token.slice(dot + 1)) };
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export const CSRF_HEADER = 'x-csrf-token';
export const TENANT_SESSION_COOKIE = 'sid';
export const PLATFORM_SESSION_COOKIE = 'psid';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request may proceed: safe methods always; mutations only with the session's CSRF token. */
export function csrfSatisfied(method: string, header: string | string[] | undefined, sessionCsrfToken: string): boolean {
  return SAFE_METHODS.has(method) || (typeof header === 'string' && sameToken(header, sessionCsrfToken));
}
