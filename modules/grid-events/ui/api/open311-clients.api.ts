import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, tenantScope } from '../../../../admin-ui/src/module-kit';
import type { Open311ClientInput, Open311ClientView } from '../../schemas/open311-client.schema';
import { gridKeys } from './grid-events.api';

const BASE = '/grid-events/open311-clients';
const clientsKey = (slug: string) => [...gridKeys.all(slug), 'open311-clients'] as const;

/** The systems holding an Open311 key of the county (never the keys). */
export function useOpen311Clients(slug: string) {
  return useQuery({
    queryKey: clientsKey(slug),
    queryFn: ({ signal }) => apiRequest<{ items: Open311ClientView[] }>(tenantScope(slug), BASE, { signal }),
    select: (data) => data.items,
  });
}

/** Issues a key: the answer is the one time it is shown. Not replayed on retry (a replay would hold the key). */
export function useCreateOpen311Client(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Open311ClientInput) =>
      apiRequest<Open311ClientView & { apiKey: string }>(tenantScope(slug), BASE, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: clientsKey(slug) }),
  });
}

export function useRevokeOpen311Client(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest<Open311ClientView>(tenantScope(slug), `${BASE}/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: clientsKey(slug) }),
  });
}
