import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type {
  CustomFieldSetChange,
  CustomFieldSetView as CustomFieldSet,
  EffectiveSchemaView as EffectiveSchema,
} from '../../../core/custom-fields/custom-field.schema';

export type {
  CustomFieldSetView as CustomFieldSet,
  EffectiveSchemaView as EffectiveSchema,
} from '../../../core/custom-fields/custom-field.schema';

/** What the editors save: every part, with the version the change is based on (a 409 when someone else saved meanwhile). */
export type CustomFieldSetInput = Required<CustomFieldSetChange>;

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
