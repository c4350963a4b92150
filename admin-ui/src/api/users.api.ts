import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { NewUser, UserChanges, UserView } from '../../../core/auth/user.schema';

// The shapes come from the route schemas themselves.
export type { NewUser as NewUserAccount, UserChanges as UserAccountChange, UserView as UserAccount } from '../../../core/auth/user.schema';

/** core/auth/password.ts passwordSchema; user.schema.ts username. */
export const PASSWORD_MIN_LENGTH = 8;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,40}$/;

const PAGE_SIZE = 20;

export const userKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'users'] as const,
  list: (slug: string, q: string) => [...userKeys.all(slug), 'list', q] as const,
};

export function useUserAccounts(slug: string, q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(slug, q),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<{ items: UserView[]; nextCursor: string | null }>(tenantScope(slug), '/users', {
        signal,
        query: { limit: PAGE_SIZE, cursor: pageParam, q: q || undefined },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all(slug) });
}

export function useCreateUserAccount(slug: string) {
  const invalidate = useInvalidateUsers(slug);
  return useMutation({
    mutationFn: (body: NewUser) => apiRequest<UserView>(tenantScope(slug), '/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUserAccount(slug: string) {
  const invalidate = useInvalidateUsers(slug);
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: UserChanges }) =>
      apiRequest<UserView>(tenantScope(slug), `/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body: change }),
    onSuccess: invalidate,
  });
}

export function useResetUserPassword(slug: string) {
  const invalidate = useInvalidateUsers(slug);
  return useMutation({
    mutationFn: ({ userId, newPassword }: { userId: string; newPassword: string }) =>
      apiRequest<UserView>(tenantScope(slug), `/users/${encodeURIComponent(userId)}/reset-password`, {
        method: 'POST',
        body: { newPassword },
      }),
    onSuccess: invalidate,
  });
}

/** Lifts every sign-in lock of the account (core/auth/lockout.ts); the password stays. */
export function useUnlockUserAccount(slug: string) {
  const invalidate = useInvalidateUsers(slug);
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest<UserView>(tenantScope(slug), `/users/${encodeURIComponent(userId)}/unlock`, { method: 'POST', body: {} }),
    onSuccess: invalidate,
  });
}
