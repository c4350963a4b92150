import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { AuditPage, AuditQuery } from '../../../core/audit/audit.schema';
import type { UserView } from '../../../core/auth/user.schema';

export type { AuditEntry } from '../../../core/audit/audit.schema';

/** What the trail is filtered by: the list query without its paging. */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'cursor'>;

/** An account as the actor picker shows it. */
export type UserOption = Pick<UserView, 'id' | 'username' | 'displayName'>;

const PAGE_SIZE = 50;

/** The audit trail, newest first, a page at a time (the server's cursor). */
export function useAuditLog(slug: string, filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...tenantKeys.all(slug), 'audit', filter] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<AuditPage>(tenantScope(slug), '/audit', {
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
