import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, tenantKeys, tenantScope, type DirectoryPerson } from '../../../../admin-ui/src/module-kit';
import type { AssignmentDetail } from '../../schemas/assignment.schema';
import type { AssignmentInput } from '../../schemas/common.schema';
import type { CardColor, ReportInput, ReportView } from '../../schemas/report.schema';
import type { ReportFormList } from '../../schemas/report-form.schema';
import type { TaskChanges, TaskDetail, TaskInput, TaskView, TimelineItem } from '../../schemas/task.schema';
import type { Board, MyPending } from '../../schemas/view.schema';
import type { Page } from './list-helpers';

const enc = encodeURIComponent;

export const dispatchKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'dispatch'] as const,
  tasks: (slug: string, query: TaskListQuery) => [...dispatchKeys.all(slug), 'tasks', query] as const,
  task: (slug: string, id: string) => [...dispatchKeys.all(slug), 'task', id] as const,
  timeline: (slug: string, id: string, assignmentId?: string) => [...dispatchKeys.all(slug), 'timeline', id, assignmentId ?? ''] as const,
  taskReports: (slug: string, id: string) => [...dispatchKeys.all(slug), 'task-reports', id] as const,
  assignment: (slug: string, id: string) => [...dispatchKeys.all(slug), 'assignment', id] as const,
  assignmentReports: (slug: string, id: string) => [...dispatchKeys.all(slug), 'assignment-reports', id] as const,
  pending: (slug: string) => [...dispatchKeys.all(slug), 'pending'] as const,
  board: (slug: string, query: BoardQuery) => [...dispatchKeys.all(slug), 'board', query] as const,
};

/** Filters of `GET /tasks` (one page at `cursor`). */
export interface TaskListQuery {
  status?: 'active' | 'closed';
  category?: string;
  light?: string;
  unitId?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface BoardQuery {
  category?: string;
  unitId?: string;
  light?: string;
  period?: string;
  allDepths?: boolean;
}

export function useTasks(slug: string, query: TaskListQuery) {
  return useQuery({
    queryKey: dispatchKeys.tasks(slug, query),
    queryFn: ({ signal }) => apiRequest<Page<TaskView>>(tenantScope(slug), '/dispatch/tasks', { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useTask(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: dispatchKeys.task(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<TaskDetail>(tenantScope(slug), `/dispatch/tasks/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useTimeline(slug: string, taskId: string | undefined, assignmentId?: string) {
  return useQuery({
    queryKey: dispatchKeys.timeline(slug, taskId ?? '', assignmentId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: TimelineItem[] }>(tenantScope(slug), `/dispatch/tasks/${enc(taskId ?? '')}/timeline`, {
        signal,
        query: { assignmentId },
      }),
    select: (data) => data.items,
    enabled: !!taskId,
  });
}

export function useTaskReports(slug: string, taskId: string | undefined) {
  return useQuery({
    queryKey: dispatchKeys.taskReports(slug, taskId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<Page<ReportView>>(tenantScope(slug), `/dispatch/tasks/${enc(taskId ?? '')}/reports`, { signal, query: { limit: 100 } }),
    enabled: !!taskId,
  });
}

export function useAssignment(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: dispatchKeys.assignment(slug, id ?? ''),
    queryFn: ({ signal }) => apiRequest<AssignmentDetail>(tenantScope(slug), `/dispatch/assignments/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useAssignmentReports(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: dispatchKeys.assignmentReports(slug, id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<Page<ReportView>>(tenantScope(slug), `/dispatch/assignments/${enc(id ?? '')}/reports`, { signal, query: { limit: 100 } }),
    enabled: !!id,
  });
}

export function usePending(slug: string, limit = 50) {
  return useQuery({
    queryKey: [...dispatchKeys.pending(slug), limit],
    queryFn: ({ signal }) => apiRequest<MyPending>(tenantScope(slug), '/dispatch/my-pending', { signal, query: { limit } }),
  });
}

export function useBoard(slug: string, query: BoardQuery) {
  return useQuery({
    queryKey: dispatchKeys.board(slug, query),
    queryFn: ({ signal }) => apiRequest<Board>(tenantScope(slug), '/dispatch/board', { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** Every mutation changes lights, progress and pending work across pages: refetch all of dispatch. */
function useDispatchMutation<Input, Output>(slug: string, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: dispatchKeys.all(slug) }) });
}

/**
 * Creates and dispatches a task. Idempotent: sending the same task again after a lost answer
 * (the client keeps the attempt's key) creates nothing twice.
 */
export const useCreateTask = (slug: string) =>
  useDispatchMutation(slug, (body: TaskInput) =>
    apiRequest<TaskDetail>(tenantScope(slug), '/dispatch/tasks', { method: 'POST', body, idempotent: true }),
  );

/** Reports progress (from a phone on a bad network too: the attempt's key makes a retry harmless). */
export const useSubmitReport = (slug: string) =>
  useDispatchMutation(slug, ({ assignmentId, body }: { assignmentId: string; body: ReportInput }) =>
    apiRequest<ReportView>(tenantScope(slug), `/dispatch/assignments/${enc(assignmentId)}/reports`, {
      method: 'POST',
      body,
      idempotent: true,
    }),
  );

export const useUpdateTask = (slug: string) =>
  useDispatchMutation(slug, ({ id, body }: { id: string; body: TaskChanges }) =>
    apiRequest<TaskDetail>(tenantScope(slug), `/dispatch/tasks/${enc(id)}`, { method: 'PATCH', body }),
  );

export const useCloseTask = (slug: string) =>
  useDispatchMutation(slug, (id: string) =>
    apiRequest<TaskDetail>(tenantScope(slug), `/dispatch/tasks/${enc(id)}/close`, { method: 'POST' }),
  );

export const useAddAssignments = (slug: string) =>
  useDispatchMutation(slug, ({ id, assignments }: { id: string; assignments: AssignmentInput[] }) =>
    apiRequest<TaskDetail>(tenantScope(slug), `/dispatch/tasks/${enc(id)}/assignments`, { method: 'POST', body: { assignments } }),
  );

export const useOpenAssignment = (slug: string) =>
  useDispatchMutation(slug, (id: string) =>
    apiRequest<AssignmentDetail>(tenantScope(slug), `/dispatch/assignments/${enc(id)}/open`, { method: 'POST' }),
  );

export const useRedispatch = (slug: string) =>
  useDispatchMutation(slug, ({ id, assignments }: { id: string; assignments: AssignmentInput[] }) =>
    apiRequest<{ items: unknown[] }>(tenantScope(slug), `/dispatch/assignments/${enc(id)}/subtasks`, {
      method: 'POST',
      body: { assignments },
    }),
  );

export const useReviewReport = (slug: string) =>
  useDispatchMutation(slug, ({ id, decision, reason }: { id: string; decision: 'accept' | 'return'; reason?: string }) =>
    apiRequest<ReportView>(tenantScope(slug), `/dispatch/reports/${enc(id)}/review`, { method: 'POST', body: { decision, reason } }),
  );

export const useGiveCard = (slug: string) =>
  useDispatchMutation(slug, ({ id, color, reason }: { id: string; color: CardColor; reason: string }) =>
    apiRequest<ReportView>(tenantScope(slug), `/dispatch/reports/${enc(id)}/card`, { method: 'POST', body: { color, reason } }),
  );

/**
 * The published forms a supervisor may pick as a task's report form, read through dispatch (no
 * forms permission needed); `available` is false when the forms module is not enabled.
 */
export function usePublishedForms(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...dispatchKeys.all(slug), 'report-forms'],
    queryFn: ({ signal }) => apiRequest<ReportFormList>(tenantScope(slug), '/dispatch/report-forms', { signal, query: { limit: 200 } }),
    enabled,
    retry: false,
  });
}

/** People of a unit and below (the directory lookup, open to every signed-in user), for a responsible person. */
export function useUnitPeople(slug: string, unitId: string | undefined) {
  return useQuery({
    queryKey: [...tenantKeys.all(slug), 'directory', 'people-of-unit', unitId ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<{ items: DirectoryPerson[] }>(tenantScope(slug), '/directory/people', { signal, query: { unitId, limit: 50 } }),
    select: (data) => data.items,
    enabled: !!unitId,
    staleTime: 60_000,
  });
}
