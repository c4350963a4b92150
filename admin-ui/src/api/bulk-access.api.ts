import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { RoleMember } from './role.api';
import type { AccountCandidates, BulkAccountsResult, PasswordDelivery, RoleTemplate } from '../../../core/auth/bulk-access.schema';

// The shapes come from the route schemas themselves.
export type {
  AccountCandidate,
  BulkAccountsResult,
  CreatedAccount,
  PasswordDelivery,
  RoleTemplate,
} from '../../../core/auth/bulk-access.schema';

export interface CandidateFilter {
  unitId?: string;
  includeSubunits: boolean;
  q?: string;
  withoutAccount: boolean;
}

/** The server's limit on one bulk request. */
export const BULK_MAX_PEOPLE = 200;

export function useAccountCandidates(slug: string, filter: CandidateFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'account-candidates', filter] as const,
    queryFn: ({ signal }) =>
      apiRequest<AccountCandidates>(tenantScope(slug), '/users/candidates', {
        signal,
        query: { ...filter, q: filter.q || undefined, limit: 500 },
      }),
    enabled,
  });
}

export function useCreateAccounts(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personIds: string[]; delivery: PasswordDelivery }) =>
      apiRequest<BulkAccountsResult>(tenantScope(slug), '/users/bulk', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...tenantKeys.all(slug), 'users'] });
      void queryClient.invalidateQueries({ queryKey: [...tenantKeys.all(slug), 'account-candidates'] });
    },
  });
}

/** Gives a role to many people at once, or takes it from them. */
export function useChangeRoleMembers(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roleId, personIds, change }: { roleId: string; personIds: string[]; change: 'add' | 'remove' }) =>
      apiRequest<{ items: RoleMember[] }>(tenantScope(slug), `/roles/${encodeURIComponent(roleId)}/members/${change}`, {
        method: 'POST',
        body: { personIds },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...tenantKeys.all(slug), 'roles'] });
      void queryClient.invalidateQueries({ queryKey: tenantKeys.session(slug) });
    },
  });
}

export function useRoleTemplates(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'role-templates'] as const,
    queryFn: ({ signal }) => apiRequest<{ items: RoleTemplate[] }>(tenantScope(slug), '/role-templates', { signal }),
    select: (data) => data.items,
    enabled,
  });
}
