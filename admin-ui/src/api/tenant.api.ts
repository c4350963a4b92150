import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { platformScope } from './api-scope';
import { apiRequest } from './http-client';
import { platformKeys } from './query-keys';
import type { NewTenant, TenantPage, TenantStatus, TenantView } from '../../../core/tenancy/tenant.schema';

// The shapes come from the route schemas themselves.
export type { NewTenant as NewTenantInput, TenantStatus, TenantView } from '../../../core/tenancy/tenant.schema';

const PAGE_SIZE = 50;

const tenantListKey = (q: string) => [...platformKeys.all, 'tenants', q] as const;
const allTenantListsKey = [...platformKeys.all, 'tenants'] as const;

/** Tenants by address (slug), a page at a time; `q` matches name or address. */
export function useTenantList(q: string) {
  return useInfiniteQuery({
    queryKey: tenantListKey(q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<TenantPage>(platformScope, '/tenants', { query: { limit: PAGE_SIZE, cursor: pageParam, q: q || undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTenant) => apiRequest<TenantView>(platformScope, '/tenants', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allTenantListsKey }),
  });
}

/** Suspend or resume: a suspended tenant's users get 403 on their next request; its data stays. */
export function useSetTenantStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: TenantStatus }) =>
      apiRequest<TenantView>(platformScope, `/tenants/${encodeURIComponent(id)}/${status === 'suspended' ? 'suspend' : 'resume'}`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allTenantListsKey }),
  });
}
