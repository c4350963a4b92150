import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  apiDownload,
  apiRequest,
  fetchExportJob,
  isApiError,
  isUnfinished,
  saveFile,
  tenantScope,
  type ExportJob,
} from '../../../../admin-ui/src/module-kit';
import { dispatchKeys } from './dispatch.api';
import { DISPATCH_ERRORS } from '../../schemas/error-codes';
import type { CommentView } from '../../schemas/comment.schema';
import type { AssignmentEscalations, EscalationLevel, EscalationView, InterviewRecord } from '../../schemas/escalation.schema';
import type { ExtensionInput, ExtensionView } from '../../schemas/extension.schema';
import type { FollowedTask, FollowState } from '../../schemas/follow.schema';
import type { InstructionView } from '../../schemas/instruction.schema';
import type { ReportPeriodView } from '../../schemas/period.schema';
import type { ReminderView, UrgeResult } from '../../schemas/reminder.schema';
import type { RequestInput, RequestStatus, RequestView } from '../../schemas/request.schema';
import type { UnitAssignment } from '../../schemas/view.schema';
import type { Page } from './list-helpers';

const enc = encodeURIComponent;
const key = (slug: string, ...parts: string[]) => [...dispatchKeys.all(slug), ...parts] as const;

function useGet<T>(slug: string, path: string | null, parts: string[], query?: Record<string, string | number | boolean | undefined>) {
  return useQuery({
    queryKey: [...key(slug, ...parts), query ?? {}],
    queryFn: ({ signal }) => apiRequest<T>(tenantScope(slug), path ?? '', { signal, query }),
    enabled: path !== null,
  });
}

/** Mutations change lights, deadlines and pending work on every page: refetch all of dispatch. */
function useAction<Input, Output>(slug: string, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: dispatchKeys.all(slug) }) });
}

const post = <T>(slug: string, path: string, body?: unknown) => apiRequest<T>(tenantScope(slug), path, { method: 'POST', body });

// Extensions (延期)
export const useTaskExtensions = (slug: string, taskId: string | undefined, assignmentId?: string) =>
  useGet<{ items: ExtensionView[] }>(slug, taskId ? `/dispatch/tasks/${enc(taskId)}/extensions` : null, ['extensions', taskId ?? ''], {
    assignmentId,
  });
export const useRequestExtension = (slug: string) =>
  useAction(slug, ({ assignmentId, body }: { assignmentId: string; body: ExtensionInput }) =>
    post<ExtensionView>(slug, `/dispatch/assignments/${enc(assignmentId)}/extensions`, body),
  );
export const useDecideExtension = (slug: string) =>
  useAction(slug, ({ id, decision, reason }: { id: string; decision: 'grant' | 'refuse'; reason?: string }) =>
    post<ExtensionView>(slug, `/dispatch/extensions/${enc(id)}/decision`, { decision, reason }),
  );

// Urge (催办), escalation (督办), reminders
export const useReminders = (slug: string, assignmentId: string | undefined) =>
  useGet<{ items: ReminderView[] }>(slug, assignmentId ? `/dispatch/assignments/${enc(assignmentId)}/reminders` : null, [
    'reminders',
    assignmentId ?? '',
  ]);
export const useUrge = (slug: string) =>
  useAction(slug, ({ assignmentId, text }: { assignmentId: string; text?: string }) =>
    post<UrgeResult>(slug, `/dispatch/assignments/${enc(assignmentId)}/urge`, text ? { text } : {}),
  );
export const useEscalations = (slug: string, assignmentId: string | undefined) =>
  useGet<AssignmentEscalations>(slug, assignmentId ? `/dispatch/assignments/${enc(assignmentId)}/escalations` : null, [
    'escalations',
    assignmentId ?? '',
  ]);
export const useEscalate = (slug: string) =>
  useAction(
    slug,
    ({ assignmentId, level, text, record }: { assignmentId: string; level: EscalationLevel; text: string; record?: InterviewRecord }) =>
      post<EscalationView>(slug, `/dispatch/assignments/${enc(assignmentId)}/escalations`, { level, text, ...(record ? { record } : {}) }),
  );

// Instructions (批示)
export const useInstructions = (slug: string, taskId: string | undefined) =>
  useGet<{ items: InstructionView[] }>(slug, taskId ? `/dispatch/tasks/${enc(taskId)}/instructions` : null, ['instructions', taskId ?? '']);
export const useGiveInstruction = (slug: string) =>
  useAction(slug, ({ taskId, text }: { taskId: string; text: string }) =>
    post<InstructionView>(slug, `/dispatch/tasks/${enc(taskId)}/instructions`, { text }),
  );
export const useAcknowledge = (slug: string) =>
  useAction(slug, (id: string) => post<InstructionView>(slug, `/dispatch/instructions/${enc(id)}/acknowledge`));

// Follow (关注)
export const useFollowing = (slug: string, cursor: string | undefined) =>
  useGet<Page<FollowedTask>>(slug, '/dispatch/following', ['following'], { limit: 20, cursor });
export const useUnitAssignments = (slug: string, state: 'active' | 'finished' | 'all', cursor: string | undefined) =>
  useGet<Page<UnitAssignment>>(slug, '/dispatch/my-assignments', ['my-assignments'], { state, limit: 20, cursor });
export const useFollow = (slug: string, taskId: string | undefined) =>
  useGet<FollowState>(slug, taskId ? `/dispatch/tasks/${enc(taskId)}/follow` : null, ['follow', taskId ?? '']);
export const useSetFollow = (slug: string) =>
  useAction(slug, ({ taskId, following }: { taskId: string; following: boolean }) =>
    apiRequest<FollowState>(tenantScope(slug), `/dispatch/tasks/${enc(taskId)}/follow`, { method: following ? 'PUT' : 'DELETE' }),
  );

// Comments (回复)
export const useComments = (slug: string, taskId: string | undefined) =>
  useGet<Page<CommentView>>(slug, taskId ? `/dispatch/tasks/${enc(taskId)}/comments` : null, ['comments', taskId ?? ''], { limit: 100 });
export const useAddComment = (slug: string) =>
  useAction(
    slug,
    ({ taskId, body }: { taskId: string; body: { text: string; assignmentId?: string; replyToId?: string; photoIds?: string[] } }) =>
      post<CommentView>(slug, `/dispatch/tasks/${enc(taskId)}/comments`, body),
  );

// Report periods of a recurring task
export const usePeriods = (slug: string, taskId: string | undefined, enabled: boolean) =>
  useGet<Page<ReportPeriodView>>(slug, taskId && enabled ? `/dispatch/tasks/${enc(taskId)}/periods` : null, ['periods', taskId ?? '']);

// Bottom-up requests (镇呼县应)
export const useRequests = (slug: string, box: 'inbox' | 'outbox' | 'supervised', status?: RequestStatus) =>
  useQuery({
    queryKey: [...key(slug, 'requests', box), status ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<Page<RequestView>>(tenantScope(slug), '/dispatch/requests', { signal, query: { box, status, limit: 100 } }),
    retry: false,
  });
export const useRequest = (slug: string, id: string | undefined) =>
  useGet<RequestView>(slug, id ? `/dispatch/requests/${enc(id)}` : null, ['request', id ?? '']);
export const useRaiseRequest = (slug: string) =>
  useAction(slug, (body: RequestInput) => post<RequestView>(slug, '/dispatch/requests', body));
export const useRespondRequest = (slug: string) =>
  useAction(slug, ({ id, text, photoIds }: { id: string; text: string; photoIds?: string[] }) =>
    post<RequestView>(slug, `/dispatch/requests/${enc(id)}/response`, { text, photoIds }),
  );
export const useAcceptRequest = (slug: string) =>
  useAction(slug, (id: string) => post<RequestView>(slug, `/dispatch/requests/${enc(id)}/accept`));
export const useTransferRequest = (slug: string) =>
  useAction(slug, ({ id, toUnitId, reason }: { id: string; toUnitId: string; reason: string }) =>
    post<RequestView>(slug, `/dispatch/requests/${enc(id)}/transfer`, { toUnitId, reason }),
  );
export const useReturnRequest = (slug: string) =>
  useAction(slug, ({ id, reason }: { id: string; reason: string }) =>
    post<RequestView>(slug, `/dispatch/requests/${enc(id)}/return`, { reason }),
  );
export const useRateRequest = (slug: string) =>
  useAction(slug, ({ id, rating, comment }: { id: string; rating: number; comment?: string }) =>
    post<RequestView>(slug, `/dispatch/requests/${enc(id)}/rating`, { rating, comment }),
  );

/**
 * The task's aggregation (汇总): one .xlsx of every unit's latest report. Downloaded at once when
 * the tree is small; a large one (the server answers 400 DISPATCH_AGGREGATION_TOO_LARGE) runs as an
 * export job (one of the user's exports, core's `/exports`) whose progress (0–1) is reported until
 * its file is ready.
 */
export async function downloadAggregation(
  slug: string,
  taskId: string,
  options: { periodKey?: string; lang: 'zh-CN' | 'en'; fileName: string },
  onProgress: (fraction: number) => void,
): Promise<void> {
  const scope = tenantScope(slug);
  const query = new URLSearchParams({ lang: options.lang, ...(options.periodKey ? { periodKey: options.periodKey } : {}) });
  try {
    saveFile(await apiDownload(scope, `/dispatch/tasks/${enc(taskId)}/aggregation.xlsx?${query.toString()}`), options.fileName);
    return;
  } catch (error) {
    if (!isApiError(error) || error.code !== DISPATCH_ERRORS.AGGREGATION_TOO_LARGE) throw error;
  }
  let job = await post<ExportJob>(slug, `/dispatch/tasks/${enc(taskId)}/aggregations`, {
    lang: options.lang,
    ...(options.periodKey ? { periodKey: options.periodKey } : {}),
  });
  while (isUnfinished(job)) {
    onProgress(job.progress);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = await fetchExportJob(slug, job.id);
  }
  if (job.status === 'failed') throw new Error(job.error ?? 'aggregation failed');
  onProgress(1);
  saveFile(await apiDownload(scope, `/exports/${enc(job.id)}/file`), options.fileName);
}
