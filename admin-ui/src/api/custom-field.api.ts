import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';

// Mirrors core/custom-fields/custom-field.schema.ts.
/** A tenant's custom fields of one record type: a JSON Schema object fragment and its uiSchema. */
export interface CustomFieldSet {
  moduleId: string;
  recordType: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** 0 until the first change; +1 on each change. */
  version: number;
  updatedAt: string | null;
}

/** The record type's schema with the tenant's fields under `custom`, as a browser form renders it. */
export interface EffectiveSchema {
  moduleId: string;
  recordType: string;
  version: number;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

export interface CustomFieldSetInput {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** The version the change is based on: a 409 when someone else saved meanwhile. */
  version: number;
}

const path = (moduleId: string, recordType: string) => `/custom-fields/${encodeURIComponent(moduleId)}/${encodeURIComponent(recordType)}`;

const customFieldKeys = {
  all: (slug: string, moduleId: string, recordType: string) => [...tenantKeys.all(slug), 'custom-fields', moduleId, recordType] as const,
  fragment: (slug: string, moduleId: string, recordType: string) =>
    [...tenantKeys.all(slug), 'custom-fields', moduleId, recordType, 'fragment'] as const,
  effective: (slug: string, moduleId: string, recordType: string) =>
    [...tenantKeys.all(slug), 'custom-fields', moduleId, recordType, 'effective'] as const,
};

export function useCustomFieldSet(slug: string, moduleId: string, recordType: string) {
  return useQuery({
    queryKey: customFieldKeys.fragment(slug, moduleId, recordType),
    queryFn: ({ signal }) => apiRequest<CustomFieldSet>(tenantScope(slug), path(moduleId, recordType), { signal }),
    // The editor starts from what is stored now; a stale copy would only earn a version conflict.
    staleTime: 0,
  });
}

export function useEffectiveSchema(slug: string, moduleId: string, recordType: string) {
  return useQuery({
    queryKey: customFieldKeys.effective(slug, moduleId, recordType),
    queryFn: ({ signal }) => apiRequest<EffectiveSchema>(tenantScope(slug), `${path(moduleId, recordType)}/effective-schema`, { signal }),
  });
}

/** Replaces the fields; a 400 names each problem under `body.schema…` / `body.uiSchema…`. */
export function useSaveCustomFieldSet(slug: string, moduleId: string, recordType: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomFieldSetInput) =>
      apiRequest<CustomFieldSet>(tenantScope(slug), path(moduleId, recordType), { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all(slug, moduleId, recordType) }),
  });
}
