import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { platformScope } from './api-scope';
import { apiRequest } from './http-client';
import { platformKeys } from './query-keys';

// Mirrors core/tenancy/tenant.schema.ts (operator API).
export type TenantStatus = 'active' | 'suspended';

export interface TenantUsage {
  users: number;
  people: number;
  enabledModules: number;
  records: number;
}

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  locale: string;
  timeZone: string;
  logoUrl: string | null;
  createdAt: string;
  suspendedAt: string | null;
  /** Present in the list; a create or status change answers without it. */
  usage?: TenantUsage;
}

export interface NewTenantInput {
  slug: string;
  name: string;
  locale: 'zh-CN' | 'en';
  admin: { username: string; displayName: string; password: string };
}

interface TenantPage {
  items: TenantView[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;

const tenantListKey = (q: string) => [...platformKeys.all, 'tenants', q] as const;
const allTenantListsKey = [...platformKeys.all, 'tenants'] as const;

/** Tenants by address (slug), a page at a time; `q` matches name or address. */
export function useTenantList(q: string) {
  return useInfiniteQuery({
    queryKey: tenantListKey(q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => apiRequest<TenantPage>(platformScope, '/tenants', { query: { limit: PAGE_SIZE, cursor: pageParam, q: q || undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTenantInput) => apiRequest<TenantView>(platformScope, '/tenants', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allTenantListsKey }),
  });
}

/** Suspend or resume: a suspended tenant's users get 403 on their next request; its data stays. */
export function useSetTenantStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: TenantStatus }) =>
      apiRequest<TenantView>(platformScope, `/tenants/${encodeURIComponent(id)}/${status === 'suspended' ? 'suspend' : 'resume'}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allTenantListsKey }),
  });
}
