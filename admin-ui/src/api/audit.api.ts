import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';

// Mirrors core/audit/audit.schema.ts.
export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  recordType: string;
  recordId: string;
  data: Record<string, unknown>;
  /** The record's name where the server knew it (core/audit/audit-record-names.ts). */
  recordName: string | null;
  actor: { id: string; displayName: string | null } | null;
}

export interface AuditFilter {
  action?: string;
  recordType?: string;
  recordId?: string;
  /** The acting user's id. */
  userId?: string;
  /** ISO timestamps; `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
}

/** An account as the actor picker shows it (core/auth/user.schema.ts). */
export interface UserOption {
  id: string;
  username: string;
  displayName: string;
}

const PAGE_SIZE = 50;

/** The audit trail, newest first, a page at a time (the server's cursor). */
export function useAuditLog(slug: string, filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...tenantKeys.all(slug), 'audit', filter] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<{ items: AuditEntry[]; nextCursor: string | null }>(tenantScope(slug), '/audit', {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The trail grows while one reads it; a filter change shows the new rows, not a stale copy.
    staleTime: 0,
  });
}

/** Accounts whose username, name or phone contains `q`, for the actor filter (needs core.users.manage). */
export function useUserSearch(slug: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'user-picker', q] as const,
    queryFn: ({ signal }) =>
      apiRequest<{ items: UserOption[] }>(tenantScope(slug), '/users', { query: { q: q || undefined, limit: 20 }, signal }),
    select: (data) => data.items,
    enabled,
    placeholderData: keepPreviousData,
  });
}
