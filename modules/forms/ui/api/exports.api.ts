import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiRequest, tenantScope } from '../../../../admin-ui/src/module-kit';
import { formsKeys } from './forms.api';

// Mirrors modules/forms/schemas/export.schema.ts.
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** One export job of the signed-in user: a list or statistics workbook, or a .zip of photos, being written or written. */
export interface ExportJob {
  id: string;
  formId: string;
  formName: string;
  kind: 'list' | 'statistics' | 'photos';
  status: ExportStatus;
  rowsTotal: number;
  rowsDone: number;
  /** 0–1; 1 when done. */
  progress: number;
  fileId: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const enc = encodeURIComponent;
const PAGE_SIZE = 20;
// While an export is being written its progress is polled; finished ones never change.
const POLL_MS = 2000;
export const isUnfinished = (job: ExportJob) => job.status === 'queued' || job.status === 'running';

const exportKeys = {
  list: (slug: string) => [...formsKeys.all(slug), 'exports'] as const,
  one: (slug: string, id: string) => [...formsKeys.all(slug), 'exports', id] as const,
};

/** `GET /forms/exports`: the user's exports, newest first, page by page. */
export function useMyExports(slug: string) {
  return useInfiniteQuery({
    queryKey: exportKeys.list(slug),
    queryFn: ({ signal, pageParam }) => apiRequest<{ items: ExportJob[]; nextCursor: string | null }>(tenantScope(slug), '/forms/exports', { signal, query: { limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isUnfinished)) ? POLL_MS : false),
  });
}

/** `GET /forms/exports/:id`: one export (the link of the export-done notice). */
export function useExportJob(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: exportKeys.one(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<ExportJob>(tenantScope(slug), `/forms/exports/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isUnfinished(query.state.data) ? POLL_MS : false),
  });
}
