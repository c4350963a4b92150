import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiDownload, apiRequest, uploadRaw } from './http-client';
import { tenantKeys } from './query-keys';
import type { ImportCounts } from '../../../core/org/org-import.schema';
import type { UnitKind } from '../../../core/org/org-kinds';
import type { PersonInput, PersonView } from '../../../core/org/person.schema';
import type { PositionView } from '../../../core/org/position.schema';
import type { UnitView } from '../../../core/org/unit.schema';

// The shapes come from the route schemas themselves.
export type { ImportCounts } from '../../../core/org/org-import.schema';
export type { UnitKind } from '../../../core/org/org-kinds';
export type { PersonInput, PersonView as Person } from '../../../core/org/person.schema';
export type { PositionView as Position } from '../../../core/org/position.schema';
export type { UnitView as Unit } from '../../../core/org/unit.schema';

/** The kinds in the order the pages offer them (core/org/org-kinds.ts). */
export const UNIT_KINDS = ['county', 'department', 'town', 'village', 'community', 'grid'] as const satisfies readonly UnitKind[];

export interface PeopleFilter {
  unitId?: string;
  includeSubunits?: boolean;
  q?: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** core/org/org-import.schema.ts ORG_IMPORT_BODY_LIMIT. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The server's person phone rule (core/schemas/common.schema.ts phoneNumber). */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const PAGE_SIZE = 20;

export const orgKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'org'] as const,
  units: (slug: string) => [...orgKeys.all(slug), 'units'] as const,
  positions: (slug: string) => [...orgKeys.all(slug), 'positions'] as const,
  people: (slug: string) => [...orgKeys.all(slug), 'people'] as const,
  peopleList: (slug: string, filter: PeopleFilter) => [...orgKeys.people(slug), 'list', filter] as const,
  person: (slug: string, id: string) => [...orgKeys.people(slug), 'one', id] as const,
};

const id = (value: string) => encodeURIComponent(value);

export function useUnits(slug: string) {
  return useQuery({
    queryKey: orgKeys.units(slug),
    queryFn: ({ signal }) => apiRequest<{ items: UnitView[] }>(tenantScope(slug), '/org/units', { signal }),
    select: (data) => data.items,
  });
}

export function usePositions(slug: string) {
  return useQuery({
    queryKey: orgKeys.positions(slug),
    queryFn: ({ signal }) => apiRequest<{ items: PositionView[] }>(tenantScope(slug), '/org/positions', { signal }),
    select: (data) => data.items,
  });
}

/** People in pages of 20, fetched on "load more" with the server's cursor. */
export function usePeople(slug: string, filter: PeopleFilter) {
  return useInfiniteQuery({
    queryKey: orgKeys.peopleList(slug, filter),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<{ items: PersonView[]; nextCursor: string | null }>(tenantScope(slug), '/org/people', {
        signal,
        query: {
          limit: PAGE_SIZE,
          cursor: pageParam,
          unitId: filter.unitId,
          includeSubunits: filter.unitId ? filter.includeSubunits : undefined,
          q: filter.q || undefined,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search keeps the old rows on screen until the new ones arrive (no flashing empty table).
    placeholderData: keepPreviousData,
  });
}

export function usePerson(slug: string, personId: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.person(slug, personId ?? ''),
    queryFn: ({ signal }) => apiRequest<PersonView>(tenantScope(slug), `/org/people/${id(personId ?? '')}`, { signal }),
    enabled: !!personId,
  });
}

/** After any directory change: units carry child counts, people carry unit and position names. */
function useInvalidateOrg(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgKeys.all(slug) });
}

export function useCreateUnit(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: (body: { name: string; kind: UnitKind; parentId: string | null; code: string | null }) =>
      apiRequest<UnitView>(tenantScope(slug), '/org/units', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: ({ unitId, ...body }: { unitId: string; name?: string; kind?: UnitKind; code?: string | null }) =>
      apiRequest<UnitView>(tenantScope(slug), `/org/units/${id(unitId)}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useMoveUnit(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: ({ unitId, parentId }: { unitId: string; parentId: string | null }) =>
      apiRequest<UnitView>(tenantScope(slug), `/org/units/${id(unitId)}/move`, { method: 'POST', body: { parentId } }),
    onSuccess: invalidate,
  });
}

export function useDeleteUnit(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: (unitId: string) => apiRequest<void>(tenantScope(slug), `/org/units/${id(unitId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSavePerson(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: ({ personId, body }: { personId?: string; body: PersonInput }) =>
      personId
        ? apiRequest<PersonView>(tenantScope(slug), `/org/people/${id(personId)}`, { method: 'PATCH', body })
        : apiRequest<PersonView>(tenantScope(slug), '/org/people', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeletePerson(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: (personId: string) => apiRequest<void>(tenantScope(slug), `/org/people/${id(personId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useCreatePosition(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest<PositionView>(tenantScope(slug), '/org/positions', { method: 'POST', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.positions(slug) }),
  });
}

export function useImportOrg(slug: string) {
  const invalidate = useInvalidateOrg(slug);
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: Blob; onProgress: (fraction: number) => void }) =>
      uploadRaw<{ imported: ImportCounts }>(tenantScope(slug), '/org/import', file, { contentType: XLSX_MIME, onProgress }),
    onSuccess: invalidate,
  });
}

export const downloadImportTemplate = (slug: string) => apiDownload(tenantScope(slug), '/org/import/template');
