import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type { DirectoryPersonView as DirectoryPerson, DirectoryUnitView as DirectoryUnit } from '../../../core/directory/directory.schema';

// What any signed-in user may know of the directory; the shapes come from the route schemas themselves.
export type { DirectoryPersonView as DirectoryPerson, DirectoryUnitView as DirectoryUnit } from '../../../core/directory/directory.schema';

const directoryKeys = {
  people: (slug: string, q: string) => [...tenantKeys.all(slug), 'directory', 'people', q] as const,
  person: (slug: string, id: string) => [...tenantKeys.all(slug), 'directory', 'person', id] as const,
  units: (slug: string) => [...tenantKeys.all(slug), 'directory', 'units'] as const,
};

/** `GET /directory/people?q=`: the first people whose name contains `q` (names and units only). */
export function useDirectoryPeople(slug: string, q: string) {
  return useQuery({
    queryKey: directoryKeys.people(slug, q),
    queryFn: ({ signal }) =>
      apiRequest<{ items: DirectoryPerson[]; nextCursor: string | null }>(tenantScope(slug), '/directory/people', {
        signal,
        query: { q: q || undefined, limit: 20 },
      }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

/** `GET /directory/people/:id`: the person an answer names. */
export function useDirectoryPerson(slug: string, id: string | null | undefined) {
  return useQuery({
    queryKey: directoryKeys.person(slug, id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<DirectoryPerson>(tenantScope(slug), `/directory/people/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

/** `GET /directory/units`: the whole unit tree, parents first. */
export function useDirectoryUnits(slug: string) {
  return useQuery({
    queryKey: directoryKeys.units(slug),
    queryFn: ({ signal }) => apiRequest<{ items: DirectoryUnit[] }>(tenantScope(slug), '/directory/units', { signal }),
    select: (data) => data.items,
    // The tree changes rarely; a form with several unit questions asks once.
    staleTime: 5 * 60_000,
  });
}
