import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { DataScopeKind, PermissionGroup, RoleInput, RoleMember, RoleView } from '../../../core/auth/role.schema';
import type { PersonView } from '../../../core/org/person.schema';

// The shapes come from the route schemas themselves.
export type {
  DataScopeKind as DataScope,
  Grant,
  PermissionGroup,
  RoleInput,
  RoleMember,
  RoleView as Role,
} from '../../../core/auth/role.schema';
/** own_unit: the person's unit; unit_subtree: it and everything below; tenant: the whole county. */
export const DATA_SCOPES: DataScopeKind[] = ['own_unit', 'unit_subtree', 'tenant'];

/** A person of the directory as the member picker shows them. */
export type PersonOption = Pick<PersonView, 'id' | 'name' | 'phone' | 'unitName'>;

const roleKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'roles'] as const,
  list: (slug: string) => [...tenantKeys.all(slug), 'roles', 'list'] as const,
  members: (slug: string, roleId: string) => [...tenantKeys.all(slug), 'roles', 'members', roleId] as const,
  permissions: (slug: string) => [...tenantKeys.all(slug), 'permissions'] as const,
  people: (slug: string, q: string) => [...tenantKeys.all(slug), 'people-picker', q] as const,
};

export function usePermissionGroups(slug: string) {
  return useQuery({
    queryKey: roleKeys.permissions(slug),
    queryFn: ({ signal }) => apiRequest<{ groups: PermissionGroup[] }>(tenantScope(slug), '/permissions', { signal }),
    select: (data) => data.groups,
    staleTime: 5 * 60_000,
  });
}

export function useRoles(slug: string) {
  return useQuery({
    queryKey: roleKeys.list(slug),
    queryFn: ({ signal }) => apiRequest<{ items: RoleView[] }>(tenantScope(slug), '/roles', { signal }),
    select: (data) => data.items,
  });
}

/** Create (no id) or replace a role's name, description and grants. */
export function useSaveRole(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: RoleInput }) =>
      id
        ? apiRequest<RoleView>(tenantScope(slug), `/roles/${encodeURIComponent(id)}`, { method: 'PUT', body: input })
        : apiRequest<RoleView>(tenantScope(slug), '/roles', { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roleKeys.all(slug) });
      // The signed-in user may hold the role: their menu follows the new grants.
      void queryClient.invalidateQueries({ queryKey: tenantKeys.session(slug) });
    },
  });
}

export function useDeleteRole(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<null>(tenantScope(slug), `/roles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roleKeys.all(slug) }),
  });
}

export function useRoleMembers(slug: string, roleId: string | undefined) {
  return useQuery({
    queryKey: roleKeys.members(slug, roleId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<{ items: RoleMember[] }>(tenantScope(slug), `/roles/${encodeURIComponent(roleId ?? '')}/members`, { signal }),
    select: (data) => data.items,
    enabled: roleId !== undefined,
  });
}

/** Sets exactly who holds the role (the server replaces the whole list). */
export function useSetRoleMembers(slug: string, roleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personIds: string[]) =>
      apiRequest<{ items: RoleMember[] }>(tenantScope(slug), `/roles/${encodeURIComponent(roleId)}/members`, {
        method: 'PUT',
        body: { personIds },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(roleKeys.members(slug, roleId), data);
      // Member counts in the list, and the signed-in user's own permissions may have changed.
      void queryClient.invalidateQueries({ queryKey: roleKeys.list(slug) });
      void queryClient.invalidateQueries({ queryKey: tenantKeys.session(slug) });
    },
  });
}

/** People whose name or phone contains `q` (needs core.org.read), for the member picker. */
export function usePeopleSearch(slug: string, q: string) {
  return useQuery({
    queryKey: roleKeys.people(slug, q),
    queryFn: ({ signal }) => apiRequest<{ items: PersonOption[] }>(tenantScope(slug), '/org/people', { query: { q, limit: 20 }, signal }),
    select: (data) => data.items,
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
