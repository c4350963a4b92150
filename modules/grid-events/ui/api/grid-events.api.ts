import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, tenantKeys, tenantScope } from '../../../../admin-ui/src/module-kit';
import type { AreaGeometry, AreaView } from '../../schemas/area.schema';
import type { CategoryChanges, CategoryInput, CategoryView } from '../../schemas/category.schema';
import type { EventStatus } from '../../schemas/common.schema';
import type { FromSchema } from 'json-schema-to-ts';
import type {
  duplicateCandidate,
  EventAction,
  EventSummary,
  EventView,
  ListEventsQuery,
  ReportEventInput,
} from '../../schemas/event.schema';

export type DuplicateCandidate = FromSchema<typeof duplicateCandidate>;

const enc = encodeURIComponent;
const BASE = '/grid-events';

/**
 * The list's filters as the pages set them: one state at a time (the API takes a list; one value
 * in the address is a list of one, and the client sends no repeated parameters).
 */
export type EventFilters = Omit<ListEventsQuery, 'status'> & { status?: EventStatus };

/** One page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const gridKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'grid-events'] as const,
  categories: (slug: string, includeInactive: boolean) => [...gridKeys.all(slug), 'categories', includeInactive] as const,
  areas: (slug: string) => [...gridKeys.all(slug), 'areas'] as const,
  events: (slug: string, query: EventFilters) => [...gridKeys.all(slug), 'events', query] as const,
  queue: (slug: string, cursor: string | undefined) => [...gridKeys.all(slug), 'queue', cursor ?? ''] as const,
  event: (slug: string, id: string) => [...gridKeys.all(slug), 'event', id] as const,
};

/** The categories in tree order (parents first); managers see the inactive ones too. */
export function useCategories(slug: string, includeInactive = false) {
  return useQuery({
    queryKey: gridKeys.categories(slug, includeInactive),
    queryFn: ({ signal }) =>
      apiRequest<{ items: CategoryView[] }>(tenantScope(slug), `${BASE}/categories`, {
        signal,
        query: { includeInactive: includeInactive || undefined },
      }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

/** The county's grid polygons. */
export function useAreas(slug: string) {
  return useQuery({
    queryKey: gridKeys.areas(slug),
    queryFn: ({ signal }) => apiRequest<{ items: AreaView[] }>(tenantScope(slug), `${BASE}/areas`, { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useEvents(slug: string, query: EventFilters, enabled = true) {
  return useQuery({
    queryKey: gridKeys.events(slug, query),
    queryFn: ({ signal }) => apiRequest<Page<EventSummary>>(tenantScope(slug), `${BASE}/events`, { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useQueue(slug: string, cursor: string | undefined) {
  return useQuery({
    queryKey: gridKeys.queue(slug, cursor),
    queryFn: ({ signal }) =>
      apiRequest<Page<EventSummary>>(tenantScope(slug), `${BASE}/events/queue`, { signal, query: { cursor, limit: 50 } }),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: gridKeys.event(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<EventView>(tenantScope(slug), `${BASE}/events/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

/** Any change to categories, grids or events may move counts and queues elsewhere: refetch all of grid events. */
function useGridMutation<Input, Output>(slug: string, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: gridKeys.all(slug) }) });
}

/** A grid worker's report; idempotent, so a retry on a bad network reports nothing twice. */
export const useReportEvent = (slug: string) =>
  useGridMutation(slug, (body: ReportEventInput) =>
    apiRequest<EventView>(tenantScope(slug), `${BASE}/events`, { method: 'POST', body, idempotent: true }),
  );

/** The address below `/events/:id/` of each step an action button takes. */
export const ACTION_PATHS: Record<EventAction, string> = {
  accept: 'accept',
  start: 'start',
  resolve: 'resolve',
  close: 'close',
  return: 'return',
  reroute: 'reroute',
  requestExtension: 'extension',
  decideExtension: 'extension/decision',
  callback: 'callback',
};

/** One step of the event's flow (accept, resolve, return…); the body is the step's form. */
export const useEventStep = (slug: string, id: string) =>
  useGridMutation(slug, ({ action, body }: { action: EventAction; body?: object }) =>
    apiRequest<EventView>(tenantScope(slug), `${BASE}/events/${enc(id)}/${ACTION_PATHS[action]}`, { method: 'POST', body: body ?? {} }),
  );

export const useCreateCategory = (slug: string) =>
  useGridMutation(slug, (body: CategoryInput) =>
    apiRequest<CategoryView>(tenantScope(slug), `${BASE}/categories`, { method: 'POST', body }),
  );

export const useUpdateCategory = (slug: string) =>
  useGridMutation(slug, ({ id, changes }: { id: string; changes: CategoryChanges }) =>
    apiRequest<CategoryView>(tenantScope(slug), `${BASE}/categories/${enc(id)}`, { method: 'PATCH', body: changes }),
  );

export const useDeleteCategory = (slug: string) =>
  useGridMutation(slug, (id: string) => apiRequest<void>(tenantScope(slug), `${BASE}/categories/${enc(id)}`, { method: 'DELETE' }));

export const useSaveArea = (slug: string) =>
  useGridMutation(slug, (body: { unitId: string; geometry: AreaGeometry }) =>
    apiRequest<AreaView>(tenantScope(slug), `${BASE}/areas`, { method: 'POST', body }),
  );

export const useDeleteArea = (slug: string) =>
  useGridMutation(slug, (id: string) => apiRequest<void>(tenantScope(slug), `${BASE}/areas/${enc(id)}`, { method: 'DELETE' }));

export interface AreaImport {
  collection: { type: 'FeatureCollection'; features: unknown[] };
  unitProperty: string;
  crs: 'wgs84' | 'gcj02';
}

export const useImportAreas = (slug: string) =>
  useGridMutation(slug, (body: AreaImport) =>
    apiRequest<{ created: number; replaced: number }>(tenantScope(slug), `${BASE}/areas/import`, { method: 'POST', body }),
  );

/** The most events the map draws: the newest this many (the page says when there are more). */
export const MAP_EVENT_CAP = 1000;

/** The newest events for the map, page after page up to the cap; `more`: older ones were left out. */
export function useMapEvents(slug: string) {
  return useQuery({
    queryKey: [...gridKeys.all(slug), 'map-events'],
    queryFn: async ({ signal }) => {
      const items: EventSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await apiRequest<Page<EventSummary>>(tenantScope(slug), `${BASE}/events`, { signal, query: { limit: 200, cursor } });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < MAP_EVENT_CAP);
      return { items, more: cursor !== undefined };
    },
    refetchInterval: 60_000,
  });
}

/** Likely duplicates of an open event (same category, near, recent; nearest first), for handlers and managers. */
export function useDuplicates(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...gridKeys.event(slug, id), 'duplicates'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: DuplicateCandidate[] }>(tenantScope(slug), `${BASE}/events/${enc(id)}/duplicates`, { signal }),
    select: (data) => data.items,
    enabled,
  });
}

/** Merges the event into a survivor: it leaves the lists, its reporters follow the survivor. */
export const useMergeEvent = (slug: string, id: string) =>
  useGridMutation(slug, (intoId: string) =>
    apiRequest<EventView>(tenantScope(slug), `${BASE}/events/${enc(id)}/merge`, { method: 'POST', body: { intoId } }),
  );
