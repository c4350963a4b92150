import type { AuthUser } from './auth.types.ts';

const TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  tenantId: string;
  user: AuthUser;
  /** The session's own expiry and the cache entry's, whichever comes first. */
  validUntil: number;
}

/**
 * Sessions this node checked against the database in the last few seconds, so a busy user's
 * every request does not repeat the lookup. Sign-out, password change or reset and disabling an
 * account evict at once on this node; other nodes notice within TTL_MS, which is the trade-off.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  get(tenantId: string, sessionId: string): AuthUser | null {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.tenantId !== tenantId) return null;
    if (entry.validUntil <= Date.now()) {
      this.entries.delete(sessionId);
      return null;
    }
    return entry.user;
  }

  set(tenantId: string, user: AuthUser, sessionExpiresAt: Date): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(user.sessionId, { tenantId, user, validUntil: Math.min(Date.now() + TTL_MS, sessionExpiresAt.getTime()) });
  }

  evictSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Every cached session of one user (password changed or reset, account disabled). */
  evictUser(tenantId: string, userId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.tenantId === tenantId && entry.user.id === userId) this.entries.delete(key);
    }
  }
}
