import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest, saveFile, tenantKeys, tenantScope } from '../../../../admin-ui/src/module-kit';
import type { AccountChoice } from '../../schemas/account.schema';
import type { DelegationInput, DelegationView } from '../../schemas/delegation.schema';
import type {
  ApplyInput,
  DecideInput,
  EditRequestInput,
  ListRequestsQuery,
  RequestSummary,
  RequestView,
} from '../../schemas/request.schema';
import type { ApprovalStats } from '../../schemas/stats.schema';
import type { TypeView } from '../../schemas/type.schema';

const BASE = '/approvals';
const enc = encodeURIComponent;

export const approvalKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'approvals'] as const,
  types: (slug: string) => [...approvalKeys.all(slug), 'types'] as const,
  requests: (slug: string, query: ListRequestsQuery) => [...approvalKeys.all(slug), 'requests', query] as const,
  counts: (slug: string) => [...approvalKeys.all(slug), 'counts'] as const,
  request: (slug: string, id: string) => [...approvalKeys.all(slug), 'request', id] as const,
  accounts: (slug: string, q: string) => [...approvalKeys.all(slug), 'accounts', q] as const,
  delegations: (slug: string) => [...approvalKeys.all(slug), 'delegations'] as const,
};

export function useTypes(slug: string) {
  return useQuery({
    queryKey: approvalKeys.types(slug),
    queryFn: ({ signal }) => apiRequest<{ items: TypeView[] }>(tenantScope(slug), `${BASE}/types`, { signal }),
    select: (data) => data.items,
  });
}

export function useRequests(slug: string, query: ListRequestsQuery) {
  return useQuery({
    queryKey: approvalKeys.requests(slug, query),
    queryFn: ({ signal }) =>
      apiRequest<{ items: RequestSummary[]; nextCursor: string | null }>(tenantScope(slug), `${BASE}/requests`, {
        signal,
        query: { ...query },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCounts(slug: string) {
  return useQuery({
    queryKey: approvalKeys.counts(slug),
    queryFn: ({ signal }) =>
      apiRequest<{ waiting: number; unreadCopies: number }>(tenantScope(slug), `${BASE}/requests/counts`, { signal }),
  });
}

export function useRequest(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: approvalKeys.request(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<RequestView>(tenantScope(slug), `${BASE}/requests/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAccounts(slug: string, q: string) {
  return useQuery({
    queryKey: approvalKeys.accounts(slug, q),
    queryFn: ({ signal }) =>
      apiRequest<{ items: AccountChoice[] }>(tenantScope(slug), `${BASE}/accounts`, { signal, query: { q: q || undefined } }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useDelegations(slug: string) {
  return useQuery({
    queryKey: approvalKeys.delegations(slug),
    queryFn: ({ signal }) => apiRequest<{ items: DelegationView[] }>(tenantScope(slug), `${BASE}/delegations`, { signal }),
    select: (data) => data.items,
  });
}

/** Every approvals mutation refreshes the module's lists, counts and the request it touched. */
function useApprovalsMutation<Vars, Result>(slug: string, run: (vars: Vars) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: approvalKeys.all(slug) }) });
}

export function useApply(slug: string) {
  return useApprovalsMutation(slug, (body: ApplyInput) =>
    apiRequest<RequestView>(tenantScope(slug), `${BASE}/requests`, { method: 'POST', body }),
  );
}

export function useEditRequest(slug: string, id: string) {
  return useApprovalsMutation(slug, (body: EditRequestInput) =>
    apiRequest<RequestView>(tenantScope(slug), `${BASE}/requests/${enc(id)}`, { method: 'PUT', body }),
  );
}

export function useDecide(slug: string) {
  return useApprovalsMutation(slug, ({ taskId, body }: { taskId: string; body: DecideInput }) =>
    apiRequest<RequestView>(tenantScope(slug), `${BASE}/tasks/${enc(taskId)}/decision`, { method: 'POST', body }),
  );
}

export function useBatchApprove(slug: string) {
  return useApprovalsMutation(slug, (taskIds: string[]) =>
    apiRequest<{ approved: string[]; failed: { taskId: string }[] }>(tenantScope(slug), `${BASE}/tasks/batch-approve`, {
      method: 'POST',
      body: { taskIds },
    }),
  );
}

export function useRequestAction(slug: string, id: string) {
  return useApprovalsMutation(slug, (action: 'withdraw' | 'urge') =>
    apiRequest<RequestView>(tenantScope(slug), `${BASE}/requests/${enc(id)}/${action}`, { method: 'POST', body: {} }),
  );
}

export function useCreateDelegation(slug: string) {
  return useApprovalsMutation(slug, (body: DelegationInput) =>
    apiRequest<DelegationView>(tenantScope(slug), `${BASE}/delegations`, { method: 'POST', body }),
  );
}

export function useRevokeDelegation(slug: string) {
  return useApprovalsMutation(slug, (id: string) =>
    apiRequest<DelegationView>(tenantScope(slug), `${BASE}/delegations/${enc(id)}/revoke`, { method: 'POST', body: {} }),
  );
}

export function useApprovalStats(slug: string, query: { from?: string; to?: string; typeId?: string }) {
  return useQuery({
    queryKey: [...approvalKeys.all(slug), 'stats', query],
    queryFn: ({ signal }) => apiRequest<ApprovalStats>(tenantScope(slug), `${BASE}/stats`, { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** The statistics as .xlsx, in the page's language. */
export async function downloadApprovalStats(slug: string, query: { from?: string; to?: string; typeId?: string }, lang: 'zh-CN' | 'en') {
  const params = new URLSearchParams({ lang });
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  saveFile(
    await apiDownload(tenantScope(slug), `${BASE}/stats/export?${params.toString()}`),
    lang === 'en' ? 'approval-statistics.xlsx' : '审批统计.xlsx',
  );
}
