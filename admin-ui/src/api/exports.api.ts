import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiDownload, apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import { saveFile } from '../components/save-file';

import type { ExportView } from '../../../core/exports/export.schema';

/** One export job of the signed-in user, of any module: being written, written, or failed. */
export type ExportJob = ExportView;
export type ExportStatus = ExportJob['status'];

const enc = encodeURIComponent;
const PAGE_SIZE = 20;
// While an export is being written its progress is polled; finished ones never change.
const POLL_MS = 2000;
export const isUnfinished = (job: ExportJob) => job.status === 'queued' || job.status === 'running';

const exportKeys = {
  list: (slug: string) => [...tenantKeys.all(slug), 'exports'] as const,
  one: (slug: string, id: string) => [...tenantKeys.all(slug), 'exports', id] as const,
};

/** `GET /exports`: the user's exports, newest first, page by page; polled while one of them is unfinished. */
export function useMyExports(slug: string) {
  return useInfiniteQuery({
    queryKey: exportKeys.list(slug),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<{ items: ExportJob[]; nextCursor: string | null }>(tenantScope(slug), '/exports', {
        signal,
        query: { limit: PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isUnfinished)) ? POLL_MS : false),
  });
}

/** `GET /exports/:id`: one export (the one a notice or a module's "export queued" link picks out); polled while unfinished. */
export function useExportJob(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: exportKeys.one(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<ExportJob>(tenantScope(slug), `/exports/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isUnfinished(query.state.data) ? POLL_MS : false),
  });
}

/** `GET /exports/:id/file`, saved under the export's file name. */
export async function downloadExport(slug: string, job: Pick<ExportJob, 'id' | 'fileName' | 'title'>): Promise<void> {
  saveFile(await apiDownload(tenantScope(slug), `/exports/${enc(job.id)}/file`), job.fileName ?? job.title);
}

/** `GET /exports/:id`, once: for a module page following an export it queued. */
export const fetchExportJob = (slug: string, id: string) => apiRequest<ExportJob>(tenantScope(slug), `/exports/${enc(id)}`);
