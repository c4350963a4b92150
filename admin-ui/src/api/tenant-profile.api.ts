import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { platformScope } from './api-scope';
import { apiRequest } from './http-client';
import { platformKeys } from './query-keys';
import type { TenantAdmin, TenantProfile, TenantProfileChange } from '../../../core/tenancy/tenant-profile.schema';
import type { TenantView } from '../../../core/tenancy/tenant.schema';

// The shapes come from the route schemas themselves.
export type { TenantAdmin, TenantProfileChange } from '../../../core/tenancy/tenant-profile.schema';

const profileKey = (id: string) => [...platformKeys.all, 'tenant', id] as const;

export function useTenantProfile(id: string | undefined) {
  return useQuery({
    queryKey: profileKey(id ?? ''),
    queryFn: ({ signal }) => apiRequest<TenantProfile>(platformScope, `/tenants/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useUpdateTenantProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: TenantProfileChange) =>
      apiRequest<TenantView>(platformScope, `/tenants/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...platformKeys.all] }),
  });
}

export function useResetTenantAdminPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, newPassword }: { userId: string; newPassword: string }) =>
      apiRequest<TenantAdmin>(platformScope, `/tenants/${encodeURIComponent(id)}/admins/${encodeURIComponent(userId)}/reset-password`, {
        method: 'POST',
        body: { newPassword },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKey(id) }),
  });
}
