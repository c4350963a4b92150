import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest, saveFile, tenantApiUrl, tenantScope, uploadRaw } from '../../../../admin-ui/src/module-kit';
import type { BuildingChanges, BuildingInput, BuildingView } from '../../schemas/building.schema';
import type { HouseholdChanges, HouseholdView, VisitInput, VisitView } from '../../schemas/household.schema';
import { gridKeys, type Page } from './grid-events.api';

const enc = encodeURIComponent;
const BASE = '/grid-events';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface BuildingFilters {
  gridUnitId?: string;
  q?: string;
  cursor?: string;
}

export interface HouseholdTag {
  tag: string;
  cadenceDays: number;
  standard: boolean;
}

const buildingKeys = {
  all: (slug: string) => [...gridKeys.all(slug), 'buildings'] as const,
  list: (slug: string, filters: BuildingFilters) => [...buildingKeys.all(slug), 'list', filters] as const,
  one: (slug: string, id: string) => [...buildingKeys.all(slug), 'one', id] as const,
  households: (slug: string, id: string) => [...buildingKeys.all(slug), 'households', id] as const,
  tags: (slug: string) => [...gridKeys.all(slug), 'household-tags'] as const,
};

/** Buildings the user sees, by name, 50 a page. */
export function useBuildings(slug: string, filters: BuildingFilters) {
  return useQuery({
    queryKey: buildingKeys.list(slug, filters),
    queryFn: ({ signal }) =>
      apiRequest<Page<BuildingView>>(tenantScope(slug), `${BASE}/buildings`, { signal, query: { ...filters, limit: 50 } }),
    placeholderData: keepPreviousData,
  });
}

export function useBuilding(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: buildingKeys.one(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<BuildingView>(tenantScope(slug), `${BASE}/buildings/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

/** The floor model: the building's households by unit, floor and room. */
export function useHouseholds(slug: string, buildingId: string | undefined) {
  return useQuery({
    queryKey: buildingKeys.households(slug, buildingId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<{ items: HouseholdView[] }>(tenantScope(slug), `${BASE}/buildings/${enc(buildingId ?? '')}/households`, { signal }),
    select: (data) => data.items,
    enabled: !!buildingId,
  });
}

/** The tags to pick from (standard and the county's own), each with its visit cadence. */
export function useHouseholdTags(slug: string) {
  return useQuery({
    queryKey: buildingKeys.tags(slug),
    queryFn: ({ signal }) => apiRequest<{ items: HouseholdTag[] }>(tenantScope(slug), `${BASE}/households/tags`, { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** Every building of a grid (or of the given ids' pages), for a QR sheet's page count: a grid holds a handful. */
export async function fetchAllBuildings(slug: string, gridUnitId: string | undefined): Promise<BuildingView[]> {
  const items: BuildingView[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiRequest<Page<BuildingView>>(tenantScope(slug), `${BASE}/buildings`, {
      query: { gridUnitId, cursor, limit: 200 },
    });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < 5000);
  return items;
}

/** Buildings and households change counts on the overdue list too: refetch all of grid events. */
function useBuildingMutation<Input, Output>(slug: string, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: gridKeys.all(slug) }) });
}

export const useCreateBuilding = (slug: string) =>
  useBuildingMutation(slug, (body: BuildingInput) =>
    apiRequest<BuildingView>(tenantScope(slug), `${BASE}/buildings`, { method: 'POST', body, idempotent: true }),
  );

export const useUpdateBuilding = (slug: string) =>
  useBuildingMutation(slug, ({ id, changes }: { id: string; changes: BuildingChanges }) =>
    apiRequest<BuildingView>(tenantScope(slug), `${BASE}/buildings/${enc(id)}`, { method: 'PATCH', body: changes }),
  );

export const useDeleteBuilding = (slug: string) =>
  useBuildingMutation(slug, (id: string) => apiRequest<void>(tenantScope(slug), `${BASE}/buildings/${enc(id)}`, { method: 'DELETE' }));

/** Lays out the households the floor model has and the building lacks (rooms that exist keep their tags). */
export const useGenerateHouseholds = (slug: string) =>
  useBuildingMutation(slug, (id: string) =>
    apiRequest<{ created: number; existing: number }>(tenantScope(slug), `${BASE}/buildings/${enc(id)}/households/generate`, {
      method: 'POST',
    }),
  );

export const useUpdateHousehold = (slug: string) =>
  useBuildingMutation(slug, ({ id, changes }: { id: string; changes: HouseholdChanges }) =>
    apiRequest<HouseholdView>(tenantScope(slug), `${BASE}/households/${enc(id)}`, { method: 'PATCH', body: changes }),
  );

export interface BuildingImportResult {
  dryRun: boolean;
  buildings: number;
  households: number;
}

/** Sends the workbook: a dry run checks every row; otherwise every building is created, or none. */
export const useImportBuildings = (slug: string) =>
  useBuildingMutation(slug, ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
    uploadRaw<BuildingImportResult>(tenantScope(slug), `${BASE}/buildings/import?dryRun=${String(dryRun)}`, file, { contentType: XLSX }),
  );

export async function downloadBuildingTemplate(slug: string, lang: 'zh-CN' | 'en', fileName: string): Promise<void> {
  saveFile(await apiDownload(tenantScope(slug), `${BASE}/buildings/import-template?lang=${lang}`), fileName);
}

/** Where a building's printable code opens (the whole building, or one unit's door). */
export function buildingQrUrl(slug: string, id: string, unit: number | undefined, lang: 'zh-CN' | 'en'): string {
  const query = new URLSearchParams({ lang });
  if (unit) query.set('unit', String(unit));
  return tenantApiUrl(slug, `${BASE}/buildings/${enc(id)}/qr.svg?${query.toString()}`);
}

export interface QrSheetSelection {
  gridUnitId?: string;
  buildingIds?: string[];
  per: 'unit' | 'building';
  lang: 'zh-CN' | 'en';
}

/** Where one A4 page of a QR sheet opens (12 codes to a page). */
export function qrSheetUrl(slug: string, selection: QrSheetSelection, page: number): string {
  const query = new URLSearchParams({ per: selection.per, lang: selection.lang, page: String(page) });
  if (selection.gridUnitId) query.set('gridUnitId', selection.gridUnitId);
  for (const id of selection.buildingIds ?? []) query.append('buildingId', id);
  return tenantApiUrl(slug, `${BASE}/buildings/qr-sheet.svg?${query.toString()}`);
}

/** Codes a sheet page holds (3 × 4). */
export const QR_SHEET_PAGE = 12;

/** How many pages the buildings' codes fill: one a unit (the default) or one a building. */
export const qrSheetPages = (buildings: Pick<BuildingView, 'unitCount'>[], per: 'unit' | 'building') =>
  Math.ceil(buildings.reduce((sum, b) => sum + (per === 'unit' ? b.unitCount : 1), 0) / QR_SHEET_PAGE);

/** A household's visits, newest first (the latest few: the drawer shows them). */
export function useHouseholdVisits(slug: string, householdId: string | undefined) {
  return useQuery({
    queryKey: [...gridKeys.all(slug), 'household-visits', householdId ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<Page<VisitView>>(tenantScope(slug), `${BASE}/households/${enc(householdId ?? '')}/visits`, {
        signal,
        query: { limit: 5 },
      }),
    select: (data) => data.items,
    enabled: !!householdId,
  });
}

/** Records a visit (入户走访); idempotent, so a retry on a bad network records it once. */
export const useRecordVisit = (slug: string) =>
  useBuildingMutation(slug, ({ id, body }: { id: string; body: VisitInput }) =>
    apiRequest<VisitView>(tenantScope(slug), `${BASE}/households/${enc(id)}/visits`, { method: 'POST', body, idempotent: true }),
  );
