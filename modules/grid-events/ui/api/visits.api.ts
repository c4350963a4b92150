import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, tenantScope } from '../../../../admin-ui/src/module-kit';
import type { OverdueVisitView } from '../../schemas/household.schema';
import { gridKeys } from './grid-events.api';

/** Overdue household visits of the buildings the caller sees, oldest first (GET /visits/overdue). */
export function useOverdueVisits(slug: string, gridUnitId: string | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: [...gridKeys.all(slug), 'visits-overdue', gridUnitId ?? '', cursor ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<{ items: OverdueVisitView[]; nextCursor: string | null }>(tenantScope(slug), '/grid-events/visits/overdue', {
        signal,
        query: { gridUnitId, cursor, limit: 50 },
      }),
    placeholderData: keepPreviousData,
  });
}
