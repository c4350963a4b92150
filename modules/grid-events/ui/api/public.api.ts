import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, tenantApiUrl, tenantScope } from '../../../../admin-ui/src/module-kit';
import type { FileView } from '../../schemas/common.schema';
import type { PublicBuildingView } from '../../schemas/building.schema';
import type { PublicEventView, PublicReportInput, PublicSettingsView } from '../../schemas/public.schema';
import type { publicCategoryView } from '../../schemas/public.schema';
import type { FromSchema } from 'json-schema-to-ts';

const enc = encodeURIComponent;
const BASE = '/grid-events/public';
// Nobody is signed in here: a 401 is an answer to show, never a trip to a sign-in page.
const PUBLIC = { redirectOnUnauthorized: false } as const;

export type PublicCategory = FromSchema<typeof publicCategoryView>;
/** A challenge of core `POST /human-checks`, as the report sends it back solved. */
import type { HumanCheckChallengeView as HumanCheckChallenge } from '../../schemas/public.schema';
export type { HumanCheckChallenge };

const publicKeys = {
  categories: (slug: string) => ['public', slug, 'grid-events', 'categories'] as const,
  event: (slug: string, code: string) => ['public', slug, 'grid-events', 'event', code] as const,
  settings: (slug: string) => ['public', slug, 'grid-events', 'settings'] as const,
  building: (slug: string, token: string) => ['public', slug, 'grid-events', 'building', token] as const,
};

/** The county's map settings for the public page: tiles, the extent it takes reports in, the photo limit. */
export function usePublicSettings(slug: string) {
  return useQuery({
    queryKey: publicKeys.settings(slug),
    queryFn: ({ signal }) => apiRequest<PublicSettingsView>(tenantScope(slug), `${BASE}/settings`, { signal, ...PUBLIC }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The building a scanned QR code names: its name, address, place and units (nothing of its households). */
export function usePublicBuilding(slug: string, token: string | undefined) {
  return useQuery({
    queryKey: publicKeys.building(slug, token ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<PublicBuildingView>(tenantScope(slug), `${BASE}/buildings/${enc(token ?? '')}`, { signal, ...PUBLIC }),
    enabled: !!token,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function usePublicCategories(slug: string) {
  return useQuery({
    queryKey: publicKeys.categories(slug),
    queryFn: ({ signal }) => apiRequest<{ items: PublicCategory[] }>(tenantScope(slug), `${BASE}/categories`, { signal, ...PUBLIC }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** One photo for a citizen's report (multipart `file`); readable again only through the event. */
export function uploadPublicPhoto(slug: string, file: File): Promise<FileView> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiRequest<FileView>(tenantScope(slug), `${BASE}/photos`, { method: 'POST', body, ...PUBLIC });
}

/** A fresh human check from core (no sign-in). */
export const fetchHumanCheck = (slug: string) =>
  apiRequest<HumanCheckChallenge>(tenantScope(slug), '/human-checks', { method: 'POST', ...PUBLIC });

export const sendPublicReport = (slug: string, body: PublicReportInput) =>
  apiRequest<{ code: string }>(tenantScope(slug), `${BASE}/events`, { method: 'POST', body, ...PUBLIC });

export function usePublicEvent(slug: string, code: string | undefined) {
  return useQuery({
    queryKey: publicKeys.event(slug, code ?? ''),
    queryFn: ({ signal }) => apiRequest<PublicEventView>(tenantScope(slug), `${BASE}/events/${enc(code ?? '')}`, { signal, ...PUBLIC }),
    enabled: !!code,
    retry: false,
  });
}

export function useRatePublicEvent(slug: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: number; comment: string }) =>
      apiRequest<PublicEventView>(tenantScope(slug), `${BASE}/events/${enc(code)}/rating`, { method: 'POST', body, ...PUBLIC }),
    onSuccess: (view) => client.setQueryData(publicKeys.event(slug, code), view),
  });
}

/** Where a photo of a followed event opens (by its tracking code: nobody is signed in). */
export const publicPhotoUrl = (slug: string, code: string, fileId: string) =>
  tenantApiUrl(slug, `${BASE}/events/${enc(code)}/photos/${enc(fileId)}`);
