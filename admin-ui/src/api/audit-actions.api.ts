import { useQuery } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';

/** One action the audit filter offers (core/audit/audit-catalogue.routes.ts). */
export interface AuditAction {
  action: string;
  /** The installed module it belongs to; null for core. */
  moduleId: string | null;
}

export function useAuditActions(slug: string) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'audit-actions'] as const,
    queryFn: ({ signal }) => apiRequest<{ items: AuditAction[] }>(tenantScope(slug), '/audit/actions', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
