import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiDownload, apiRequest, saveFile, tenantScope } from '../../../../admin-ui/src/module-kit';
import type { StatsRow } from '../../schemas/stats.schema';
import { gridKeys } from './grid-events.api';

export type StatsBy = 'grid' | 'community' | 'category';

export interface StatsQuery {
  by: StatsBy;
  /** ISO instants: events reported at or after `from`, before `to`. */
  from: string;
  to: string;
}

export interface Stats {
  total: StatsRow;
  rows: StatsRow[];
}

/** Outcomes of the events the user sees, reported in the period, by grid, community or category. */
export function useStats(slug: string, query: StatsQuery) {
  return useQuery({
    queryKey: [...gridKeys.all(slug), 'stats', query],
    queryFn: ({ signal }) => apiRequest<Stats>(tenantScope(slug), '/grid-events/stats', { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** The same numbers as an .xlsx workbook, headers in the UI's language. */
export async function downloadStats(slug: string, query: StatsQuery, lang: 'zh-CN' | 'en', fileName: string): Promise<void> {
  const params = new URLSearchParams({ ...query, lang });
  saveFile(await apiDownload(tenantScope(slug), `/grid-events/stats/export?${params.toString()}`), fileName);
}
