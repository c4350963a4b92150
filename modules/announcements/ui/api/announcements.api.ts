import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, tenantKeys, tenantScope } from '../../../../admin-ui/src/module-kit';
import type {
  NoticeDetail,
  NoticeInput,
  NoticeStatus,
  NoticeSummary,
  ReaderSummary,
  ReaderView,
  ReceiptPerson,
  ReceiptsView,
} from '../../schemas/notice.schema';

const BASE = '/announcements';
const enc = encodeURIComponent;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const announcementKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'announcements'] as const,
  mine: (slug: string, cursor: string | undefined) => [...announcementKeys.all(slug), 'mine', cursor ?? ''] as const,
  reading: (slug: string, id: string) => [...announcementKeys.all(slug), 'reading', id] as const,
  managed: (slug: string, status: NoticeStatus | undefined, cursor: string | undefined) =>
    [...announcementKeys.all(slug), 'managed', status ?? '', cursor ?? ''] as const,
  notice: (slug: string, id: string) => [...announcementKeys.all(slug), 'notice', id] as const,
  receipts: (slug: string, id: string) => [...announcementKeys.all(slug), 'receipts', id] as const,
  people: (slug: string, id: string, unitId: string, state: string, cursor: string | undefined) =>
    [...announcementKeys.all(slug), 'people', id, unitId, state, cursor ?? ''] as const,
  roles: (slug: string) => [...announcementKeys.all(slug), 'roles'] as const,
};

export function useMyNotices(slug: string, cursor: string | undefined) {
  return useQuery({
    queryKey: announcementKeys.mine(slug, cursor),
    queryFn: ({ signal }) =>
      apiRequest<Page<ReaderSummary> & { unreadCount: number }>(tenantScope(slug), `${BASE}/notices`, {
        signal,
        query: { cursor, limit: 20 },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Opening a notice records it as read (once): the lists are refreshed after. */
export function useReadNotice(slug: string, id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: announcementKeys.reading(slug, id),
    queryFn: async ({ signal }) => {
      const view = await apiRequest<ReaderView>(tenantScope(slug), `${BASE}/notices/${enc(id)}`, { signal });
      void client.invalidateQueries({ queryKey: [...announcementKeys.all(slug), 'mine'] });
      return view;
    },
  });
}

export function useConfirmNotice(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ReaderView>(tenantScope(slug), `${BASE}/notices/${enc(id)}/confirm`, { method: 'POST', body: {} }),
    onSuccess: (view) => {
      client.setQueryData(announcementKeys.reading(slug, id), view);
      void client.invalidateQueries({ queryKey: [...announcementKeys.all(slug), 'mine'] });
    },
  });
}

export function useManagedNotices(slug: string, status: NoticeStatus | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: announcementKeys.managed(slug, status, cursor),
    queryFn: ({ signal }) =>
      apiRequest<Page<NoticeSummary>>(tenantScope(slug), `${BASE}/manage`, { signal, query: { status, cursor, limit: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useManagedNotice(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: announcementKeys.notice(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<NoticeDetail>(tenantScope(slug), `${BASE}/manage/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useAudienceRoles(slug: string) {
  return useQuery({
    queryKey: announcementKeys.roles(slug),
    queryFn: ({ signal }) => apiRequest<{ items: { id: string; name: string }[] }>(tenantScope(slug), `${BASE}/audience/roles`, { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** Saves a draft: a new one (POST) or changes to one (PATCH). */
export function useSaveNotice(slug: string, id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NoticeInput) =>
      id
        ? apiRequest<NoticeDetail>(tenantScope(slug), `${BASE}/manage/${enc(id)}`, { method: 'PATCH', body: input })
        : apiRequest<NoticeDetail>(tenantScope(slug), `${BASE}/manage`, { method: 'POST', body: input, idempotent: true }),
    onSuccess: (notice) => {
      client.setQueryData(announcementKeys.notice(slug, notice.id), notice);
      void client.invalidateQueries({ queryKey: [...announcementKeys.all(slug), 'managed'] });
    },
  });
}

/** Publish, withdraw or delete a notice. */
export function useNoticeAction(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'withdraw' | 'delete' }) =>
      action === 'delete'
        ? apiRequest<null>(tenantScope(slug), `${BASE}/manage/${enc(id)}`, { method: 'DELETE' })
        : apiRequest<NoticeDetail>(tenantScope(slug), `${BASE}/manage/${enc(id)}/${action}`, { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: announcementKeys.all(slug) }),
  });
}

export function useReceipts(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: announcementKeys.receipts(slug, id),
    queryFn: ({ signal }) => apiRequest<ReceiptsView>(tenantScope(slug), `${BASE}/manage/${enc(id)}/receipts`, { signal }),
    enabled,
    // Readers open it while the publisher watches.
    refetchInterval: 15_000,
  });
}

export function useReceiptPeople(slug: string, id: string, unitId: string, state: string, cursor: string | undefined) {
  return useQuery({
    queryKey: announcementKeys.people(slug, id, unitId, state, cursor),
    queryFn: ({ signal }) =>
      apiRequest<Page<ReceiptPerson>>(tenantScope(slug), `${BASE}/manage/${enc(id)}/receipts/people`, {
        signal,
        query: { unitId: unitId || undefined, state: state || undefined, cursor, limit: 50 },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRemindUnread(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sms: boolean) =>
      apiRequest<{ reminded: number; alreadyReminded: number }>(tenantScope(slug), `${BASE}/manage/${enc(id)}/remind`, {
        method: 'POST',
        body: { sms },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: announcementKeys.receipts(slug, id) }),
  });
}
