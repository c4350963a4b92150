import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { platformScope } from './api-scope';
import { apiRequest } from './http-client';
import { platformKeys } from './query-keys';
import type { TenantView } from './tenant.api';

// Mirrors core/tenancy/tenant-profile.schema.ts (operator API).
export interface TenantAdmin {
  id: string;
  username: string;
  displayName: string;
  status: string;
  locked: boolean;
}

export interface TenantProfileChange {
  name?: string;
  locale?: 'zh-CN' | 'en';
  timeZone?: string;
  logoUrl?: string | null;
}

const profileKey = (id: string) => [...platformKeys.all, 'tenant', id] as const;

export function useTenantProfile(id: string | undefined) {
  return useQuery({
    queryKey: profileKey(id ?? ''),
    queryFn: ({ signal }) => apiRequest<{ tenant: TenantView; admins: TenantAdmin[] }>(platformScope, `/tenants/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useUpdateTenantProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: TenantProfileChange) => apiRequest<TenantView>(platformScope, `/tenants/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...platformKeys.all] }),
  });
}

export function useResetTenantAdminPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, newPassword }: { userId: string; newPassword: string }) =>
      apiRequest<TenantAdmin>(platformScope, `/tenants/${encodeURIComponent(id)}/admins/${encodeURIComponent(userId)}/reset-password`, { method: 'POST', body: { newPassword } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKey(id) }),
  });
}
