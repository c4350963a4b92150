import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, tenantKeys, tenantScope } from '../../../../admin-ui/src/module-kit';
import type {
  CollectionInput,
  CollectionView,
  MyDueItem,
  PeriodStatus,
  PreviousAnswers,
  RemindResult,
} from '../../schemas/collection.schema';
import type { FormChanges, FormSummary, FormView, VersionSummary, VersionView } from '../../schemas/form.schema';
import type { ResultsPage, Statistics } from '../../schemas/results.schema';
import type { SubmissionDetail, SubmissionView } from '../../schemas/submission.schema';

const enc = encodeURIComponent;

export const formsKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'forms'] as const,
  forms: (slug: string) => [...formsKeys.all(slug), 'list'] as const,
  form: (slug: string, id: string) => [...formsKeys.all(slug), 'form', id] as const,
  versions: (slug: string, id: string) => [...formsKeys.all(slug), 'versions', id] as const,
  version: (slug: string, id: string, version: number) => [...formsKeys.all(slug), 'version', id, version] as const,
  collections: (slug: string) => [...formsKeys.all(slug), 'collections'] as const,
  periodStatus: (slug: string, id: string, period: string) => [...formsKeys.all(slug), 'period-status', id, period] as const,
  previous: (slug: string, id: string, period: string, assignee: string) =>
    [...formsKeys.all(slug), 'previous', id, period, assignee] as const,
  myDue: (slug: string) => [...formsKeys.all(slug), 'my-due'] as const,
  submission: (slug: string, id: string) => [...formsKeys.all(slug), 'submission', id] as const,
  results: (slug: string, formId: string, query: ResultsQuery) => [...formsKeys.all(slug), 'results', formId, query] as const,
  statistics: (slug: string, formId: string, query: ResultsQuery) => [...formsKeys.all(slug), 'statistics', formId, query] as const,
};

/** Query-string parameters of the results routes: built-in filters plus `filter[field]...`. */
export type ResultsQuery = Record<string, string | undefined>;

export function useForms(slug: string, options: { published?: boolean } = {}) {
  return useQuery({
    queryKey: [...formsKeys.forms(slug), options],
    queryFn: ({ signal }) =>
      apiRequest<{ items: FormSummary[] }>(tenantScope(slug), '/forms/forms', {
        signal,
        query: { limit: 100, published: options.published },
      }),
    select: (data) => data.items,
  });
}

export function useForm(slug: string, formId: string | undefined) {
  return useQuery({
    queryKey: formsKeys.form(slug, formId ?? ''),
    queryFn: ({ signal }) => apiRequest<FormView>(tenantScope(slug), `/forms/forms/${enc(formId ?? '')}`, { signal }),
    enabled: !!formId,
  });
}

export function useVersions(slug: string, formId: string | undefined) {
  return useQuery({
    queryKey: formsKeys.versions(slug, formId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<{ items: VersionSummary[] }>(tenantScope(slug), `/forms/forms/${enc(formId ?? '')}/versions`, { signal }),
    select: (data) => data.items,
    enabled: !!formId,
  });
}

export function useVersion(slug: string, formId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: formsKeys.version(slug, formId ?? '', version ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<VersionView>(tenantScope(slug), `/forms/forms/${enc(formId ?? '')}/versions/${version ?? 0}`, { signal }),
    enabled: !!formId && !!version,
    staleTime: Infinity,
  });
}

export function useSaveForm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ formId, body }: { formId?: string; body: FormChanges }) =>
      formId
        ? apiRequest<FormView>(tenantScope(slug), `/forms/forms/${enc(formId)}`, { method: 'PATCH', body })
        : apiRequest<FormView>(tenantScope(slug), '/forms/forms', { method: 'POST', body }),
    onSuccess: (form) => {
      client.setQueryData(formsKeys.form(slug, form.id), form);
      return client.invalidateQueries({ queryKey: formsKeys.forms(slug) });
    },
  });
}

export function usePublishForm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (formId: string) =>
      apiRequest<VersionView>(tenantScope(slug), `/forms/forms/${enc(formId)}/publish`, { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKeys.all(slug) }),
  });
}

export function useCollections(slug: string) {
  return useQuery({
    queryKey: formsKeys.collections(slug),
    queryFn: ({ signal }) =>
      apiRequest<{ items: CollectionView[] }>(tenantScope(slug), '/forms/collections', { signal, query: { limit: 100 } }),
    select: (data) => data.items,
  });
}

export function useCreateCollection(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CollectionInput) => apiRequest<CollectionView>(tenantScope(slug), '/forms/collections', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKeys.collections(slug) }),
  });
}

export function useUpdateCollection(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'closed' }) =>
      apiRequest<CollectionView>(tenantScope(slug), `/forms/collections/${enc(id)}`, { method: 'PATCH', body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKeys.collections(slug) }),
  });
}

export function usePeriodStatus(slug: string, collectionId: string, periodKey: string | undefined) {
  return useQuery({
    queryKey: formsKeys.periodStatus(slug, collectionId, periodKey ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<PeriodStatus>(tenantScope(slug), `/forms/collections/${enc(collectionId)}/periods/${enc(periodKey ?? '')}/status`, {
        signal,
      }),
    enabled: !!periodKey,
  });
}

/** What the assignee submitted the period before (to start this one from); none for one-time collections. */
export function usePreviousAnswers(slug: string, collectionId: string, periodKey: string, assigneeId: string, enabled: boolean) {
  return useQuery({
    queryKey: formsKeys.previous(slug, collectionId, periodKey, assigneeId),
    queryFn: ({ signal }) =>
      apiRequest<PreviousAnswers>(
        tenantScope(slug),
        `/forms/collections/${enc(collectionId)}/periods/${enc(periodKey)}/previous?assigneeId=${enc(assigneeId)}`,
        { signal },
      ),
    enabled: enabled && periodKey !== 'once',
  });
}

export function useRemind(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ collectionId, periodKey }: { collectionId: string; periodKey: string }) =>
      apiRequest<RemindResult>(tenantScope(slug), `/forms/collections/${enc(collectionId)}/periods/${enc(periodKey)}/remind`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: (_result, { collectionId, periodKey }) =>
      client.invalidateQueries({ queryKey: formsKeys.periodStatus(slug, collectionId, periodKey) }),
  });
}

export function useMyDue(slug: string, all = false) {
  return useQuery({
    queryKey: [...formsKeys.myDue(slug), all],
    queryFn: ({ signal }) =>
      apiRequest<{ items: MyDueItem[] }>(tenantScope(slug), '/forms/my-due', { signal, query: { all: all || undefined } }),
    select: (data) => data.items,
  });
}

export function useSubmission(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: formsKeys.submission(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<SubmissionDetail>(tenantScope(slug), `/forms/submissions/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useReturnSubmission(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest<SubmissionView>(tenantScope(slug), `/forms/submissions/${enc(id)}/return`, { method: 'POST', body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKeys.all(slug) }),
  });
}

export function useResults(slug: string, formId: string | undefined, query: ResultsQuery) {
  return useQuery({
    queryKey: formsKeys.results(slug, formId ?? '', query),
    queryFn: ({ signal }) => apiRequest<ResultsPage>(tenantScope(slug), `/forms/forms/${enc(formId ?? '')}/submissions`, { signal, query }),
    enabled: !!formId,
    placeholderData: keepPreviousData,
  });
}

export function useStatistics(slug: string, formId: string | undefined, query: ResultsQuery) {
  return useQuery({
    queryKey: formsKeys.statistics(slug, formId ?? '', query),
    queryFn: ({ signal }) => apiRequest<Statistics>(tenantScope(slug), `/forms/forms/${enc(formId ?? '')}/statistics`, { signal, query }),
    enabled: !!formId,
    placeholderData: keepPreviousData,
  });
}
