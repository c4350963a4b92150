import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import type { LocalizedText } from './localized-text';
import { tenantKeys } from './query-keys';
import type { Grant, RoleMember } from './role.api';

// Mirrors core/auth/bulk-access.schema.ts.
export type PasswordDelivery = 'sms' | 'sheet';

export interface AccountCandidate {
  personId: string;
  name: string;
  phone: string;
  unitName: string;
  account: { id: string; username: string } | null;
}

export interface CandidateFilter {
  unitId?: string;
  includeSubunits: boolean;
  q?: string;
  withoutAccount: boolean;
}

export interface CreatedAccount {
  userId: string;
  personId: string;
  name: string;
  unitName: string;
  username: string;
  /** Only with delivery "sheet": shown once, never again. */
  initialPassword: string | null;
}

export interface BulkAccountsResult {
  delivery: PasswordDelivery;
  smsQueued: number;
  created: CreatedAccount[];
  skipped: { personId: string; name: string; username: string }[];
}

export interface RoleTemplate {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  grants: Grant[];
  /** Installed modules not enabled here whose permissions the template would also grant. */
  missingModules: string[];
}

/** The server's limit on one bulk request. */
export const BULK_MAX_PEOPLE = 200;

export function useAccountCandidates(slug: string, filter: CandidateFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'account-candidates', filter] as const,
    queryFn: ({ signal }) =>
      apiRequest<{ items: AccountCandidate[]; truncated: boolean }>(tenantScope(slug), '/users/candidates', { signal, query: { ...filter, q: filter.q || undefined, limit: 500 } }),
    enabled,
  });
}

export function useCreateAccounts(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personIds: string[]; delivery: PasswordDelivery }) => apiRequest<BulkAccountsResult>(tenantScope(slug), '/users/bulk', { method: 'POST', body }),
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
      apiRequest<{ items: RoleMember[] }>(tenantScope(slug), `/roles/${encodeURIComponent(roleId)}/members/${change}`, { method: 'POST', body: { personIds } }),
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
