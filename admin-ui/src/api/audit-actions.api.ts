import { useQuery } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { AuditActionList } from '../../../core/audit/audit.schema';

export type { AuditAction } from '../../../core/audit/audit.schema';

export function useAuditActions(slug: string) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'audit-actions'] as const,
    queryFn: ({ signal }) => apiRequest<AuditActionList>(tenantScope(slug), '/audit/actions', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
