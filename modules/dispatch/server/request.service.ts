import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  attachFiles,
  badRequest,
  conflict,
  CORE_ERRORS,
  type DataScope,
  fileReferences,
  forbidden,
  type ModuleActor,
  moduleActor,
  type ModuleContext,
  notFound,
  type NotificationMessage,
  scopeOf,
  unitPathInScope,
} from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { requestQuery, type RequestRow } from './request-view.ts';
import { checkFiles } from './task.service.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/**
 * Who deals with a request (镇呼县应). The two units act through their people holding
 * dispatch.request: the calling unit (`raises`: rates the answer) and the called unit (`answers`:
 * responds). Supervisors whose dispatch.supervise scope reaches either unit read it (the county
 * office watches how departments answer) but act for neither. Anyone else gets a 404.
 */
export interface RequestAccess {
  actor: ModuleActor;
  row: RequestRow;
  holdsRequest: boolean;
  raises: boolean;
  answers: boolean;
}

export async function requestViewer(request: FastifyRequest) {
  return {
    actor: await moduleActor(request),
    request: await scopeOf(request, 'dispatch.request'),
    supervise: await scopeOf(request, 'dispatch.supervise'),
  };
}

export async function requestAccess(request: FastifyRequest, requestId: string): Promise<RequestAccess> {
  const row: RequestRow | undefined = await requestQuery(request.db).where('r.id', requestId).first();
  if (!row) throw requestNotFound();
  const viewer = await requestViewer(request);
  const holdsRequest = viewer.request !== null && viewer.actor.unitId !== null;
  const raises = holdsRequest && viewer.actor.unitId === row.from_unit_id;
  const answers = holdsRequest && viewer.actor.unitId === row.to_unit_id;
  const oversees =
    viewer.supervise !== null &&
    (unitPathInScope(row.from_unit_path, viewer.supervise) || unitPathInScope(row.to_unit_path, viewer.supervise));
  if (!raises && !answers && !oversees) throw requestNotFound();
  return { actor: viewer.actor, row, holdsRequest, raises, answers };
}

/** Statuses in which the called unit still owes an answer. */
export const ANSWERABLE: RequestRow['status'][] = ['open', 'accepted'];

export interface NewRequest {
  toUnitId: string;
  title: string;
  body?: string;
  photoIds?: string[];
  dueAt?: string;
}

/** Raises a request from the caller's own unit after checking all of it; the called unit's request handlers are told. */
export async function raiseRequest(ctx: ModuleContext, actor: ModuleActor, input: NewRequest): Promise<string> {
  const { trx } = ctx;
  if (!actor.unitId) throw forbidden(DISPATCH_ERRORS.NO_UNIT, 'Only people of a unit of the directory raise requests');
  const config = await dispatchConfig(trx);
  const problems = [];
  problems.push(...(await addresseeProblems(trx, input.toUnitId, [actor.unitId])));
  if (input.dueAt !== undefined && new Date(input.dueAt).getTime() <= ctx.now.getTime())
    problems.push({ path: 'body.dueAt', message: 'is not in the future' });
  if (!input.title.trim()) problems.push({ path: 'body.title', message: 'must not be blank' });
  problems.push(...photoProblems(input.photoIds ?? [], config.maxPhotosPerReport));
  if (problems.length > 0) throw badRequest(DISPATCH_ERRORS.REQUEST_INVALID, 'The request cannot be raised', problems);
  await checkFiles(trx, input.photoIds ?? [], 'body.photoIds', 'image');

  const id = uuidv7();
  await trx('dispatch_request').insert({
    tenant_id: ctx.tenantId,
    id,
    from_unit_id: actor.unitId,
    to_unit_id: input.toUnitId,
    title: input.title,
    body: input.body ?? '',
    photo_ids: JSON.stringify(input.photoIds ?? []),
    due_at: input.dueAt ?? null,
    created_by: ctx.userId,
    created_at: ctx.now,
  });
  await attachFiles(
    trx,
    ctx.tenantId,
    ctx.userId,
    { module: 'dispatch', kind: 'request', id },
    fileReferences(input.photoIds ?? [], 'body.photoIds'),
  );
  const unitName: string = (await trx('core_unit').where({ id: actor.unitId }).first('name')).name;
  await notifyUnit(ctx, input.toUnitId, {
    kind: 'dispatch.request.raised',
    message: dispatchMessage('request.raised', { unit: unitName, title: input.title, text: (input.body ?? '').slice(0, 120) }),
    link: `/dispatch/requests/${id}`,
    sms: config.smsReminders,
  });
  return id;
}

/**
 * Requests go to departments (a county bureau answers a town): the addressee must be a unit of
 * the directory of kind `department`, and not one of `excluded` (the caller's own unit, or the
 * department a request is transferred from).
 */
export async function addresseeProblems(trx: Knex.Transaction, unitId: string, excluded: string[]) {
  const target: { id: string; kind: string } | undefined = await trx('core_unit').where({ id: unitId }).first('id', 'kind');
  if (!target) return [{ path: 'body.toUnitId', message: 'is not a unit of the directory' }];
  if (excluded.includes(target.id)) return [{ path: 'body.toUnitId', message: 'is your own unit' }];
  if (target.kind !== 'department') return [{ path: 'body.toUnitId', message: 'is not a department: requests go to departments' }];
  return [];
}

/** The called unit answers; an open or accepted request takes an answer. */
export async function respondRequest(
  ctx: ModuleContext,
  access: RequestAccess,
  input: { text: string; photoIds?: string[] },
): Promise<void> {
  if (!access.answers) throw forbidden(DISPATCH_ERRORS.NOT_REQUEST_PARTY, 'Only the unit the request is addressed to answers it');
  if (access.row.status === 'returned')
    throw conflict(DISPATCH_ERRORS.REQUEST_RETURNED, 'The request was returned to the unit that raised it');
  if (!ANSWERABLE.includes(access.row.status)) throw conflict(DISPATCH_ERRORS.REQUEST_RESPONDED, 'The request was already answered');
  const config = await dispatchConfig(ctx.trx);
  const problems = [
    ...photoProblems(input.photoIds ?? [], config.maxPhotosPerReport),
    ...(input.text.trim() ? [] : [{ path: 'body.text', message: 'must not be blank' }]),
  ];
  if (problems.length > 0) throw badRequest(DISPATCH_ERRORS.REQUEST_INVALID, 'The answer cannot be stored', problems);
  await checkFiles(ctx.trx, input.photoIds ?? [], 'body.photoIds', 'image');
  const updated = await ctx
    .trx('dispatch_request')
    .where({ id: access.row.id })
    .whereIn('status', ANSWERABLE)
    .update({
      status: 'responded',
      response: input.text,
      response_photo_ids: JSON.stringify(input.photoIds ?? []),
      responded_by: ctx.userId,
      responded_at: ctx.now,
    });
  if (updated === 0) throw conflict(DISPATCH_ERRORS.REQUEST_RESPONDED, 'The request was already answered');
  // The request's own photos stay attached beside the answer's.
  await attachFiles(ctx.trx, ctx.tenantId, ctx.userId, { module: 'dispatch', kind: 'request', id: access.row.id }, [
    ...fileReferences(access.row.photo_ids, 'photoIds'),
    ...fileReferences(input.photoIds ?? [], 'body.photoIds'),
  ]);
  const userIds = [access.row.created_by, ...((await requestUsers(ctx.trx, [access.row.from_unit_id])).get(access.row.from_unit_id) ?? [])];
  await notify(ctx, userIds, {
    kind: 'dispatch.request.responded',
    message: dispatchMessage('request.responded', {
      unit: access.row.to_unit_name,
      title: access.row.title,
      text: input.text.slice(0, 120),
    }),
    link: `/dispatch/requests/${access.row.id}`,
  });
}

/** The calling unit rates the answer once; a low rating must say why. */
export async function rateRequest(ctx: ModuleContext, access: RequestAccess, input: { rating: number; comment?: string }): Promise<void> {
  if (!access.raises) throw forbidden(DISPATCH_ERRORS.NOT_REQUEST_PARTY, 'Only the unit that raised the request rates the answer');
  if (access.row.status !== 'responded' && access.row.status !== 'rated')
    throw conflict(DISPATCH_ERRORS.REQUEST_NOT_RESPONDED, 'The request has no answer to rate');
  if (access.row.status === 'rated') throw conflict(DISPATCH_ERRORS.REQUEST_RATED, 'The answer was already rated');
  if (input.rating <= 2 && !input.comment?.trim())
    throw badRequest(DISPATCH_ERRORS.REASON_REQUIRED, 'Say why the answer is rated low', [
      { path: 'body.comment', message: 'is required for a rating of 1 or 2' },
    ]);
  const updated = await ctx
    .trx('dispatch_request')
    .where({ id: access.row.id, status: 'responded' })
    .update({ status: 'rated', rating: input.rating, rating_comment: input.comment?.trim() || null, rated_at: ctx.now });
  if (updated === 0) throw conflict(DISPATCH_ERRORS.REQUEST_RATED, 'The answer was already rated');
  const userIds = [
    ...(access.row.responded_by ? [access.row.responded_by] : []),
    ...((await requestUsers(ctx.trx, [access.row.to_unit_id])).get(access.row.to_unit_id) ?? []),
  ];
  await notify(ctx, userIds, {
    kind: 'dispatch.request.rated',
    message: dispatchMessage('request.rated', {
      unit: access.row.from_unit_name,
      stars: '★'.repeat(input.rating),
      comment: input.comment?.slice(0, 120) ?? '',
    }),
    link: `/dispatch/requests/${access.row.id}`,
  });
}

export function photoProblems(photoIds: string[], max: number) {
  return photoIds.length > max ? [{ path: 'body.photoIds', message: `holds ${photoIds.length} photos; at most ${max}` }] : [];
}

/** Active accounts of each unit's people holding dispatch.request (through any role), or tenant admins among them. */
export async function requestUsers(trx: Knex.Transaction, unitIds: string[]): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return byUnit;
  const rows: { unit_id: string; user_id: string }[] = await trx('core_person as p')
    .join('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'p.tenant_id').andOn('usr.person_id', 'p.id');
    })
    .whereIn('p.unit_id', unitIds)
    .where('usr.status', 'active')
    .andWhere((w) =>
      w.where('usr.is_tenant_admin', true).orWhereExists(
        trx('core_person_role as pr')
          .join('core_role_permission as rp', function joinPermission() {
            this.on('rp.tenant_id', 'pr.tenant_id').andOn('rp.role_id', 'pr.role_id');
          })
          .whereRaw('pr.tenant_id = p.tenant_id and pr.person_id = p.id')
          .where('rp.permission', 'dispatch.request'),
      ),
    )
    .distinct('p.unit_id', 'usr.id as user_id');
  for (const row of rows) byUnit.get(row.unit_id)?.push(row.user_id);
  return byUnit;
}

/** What a request notice carries: the message, what happened, the page it opens, and whether it goes by SMS too. */
export interface RequestNotice {
  kind: string;
  message: NotificationMessage;
  link: string;
  sms?: boolean;
}

export async function notifyUnit(ctx: ModuleContext, unitId: string, message: RequestNotice): Promise<void> {
  await notify(ctx, (await requestUsers(ctx.trx, [unitId])).get(unitId) ?? [], message);
}

export async function notify(ctx: ModuleContext, users: string[], message: RequestNotice): Promise<void> {
  const userIds = [...new Set(users)].filter((u) => u !== ctx.userId);
  if (userIds.length > 0) await ctx.notifier.notify(ctx.trx, ctx.tenantId, { userIds, ...message });
}

/** The list a box shows: inbox and outbox by the caller's unit (dispatch.request), supervised by the dispatch.supervise scope. */
export function requestBox(
  trx: Knex.Transaction,
  box: 'inbox' | 'outbox' | 'supervised',
  viewer: { actor: ModuleActor; request: DataScope | null; supervise: DataScope | null },
) {
  const query = requestQuery(trx);
  if (box === 'supervised') {
    const scope = viewer.supervise;
    if (!scope) throw forbidden(CORE_ERRORS.PERMISSION_DENIED, 'This needs the permission "dispatch.supervise"');
    if (scope.kind === 'own_unit') query.where((w) => w.where('r.from_unit_id', scope.unitId).orWhere('r.to_unit_id', scope.unitId));
    else if (scope.kind === 'unit_subtree')
      query.where((w) => w.where('fu.path', 'like', `${scope.unitPath}%`).orWhere('tu.path', 'like', `${scope.unitPath}%`));
    return query;
  }
  if (!viewer.request) throw forbidden(CORE_ERRORS.PERMISSION_DENIED, 'This needs the permission "dispatch.request"');
  if (!viewer.actor.unitId) return query.whereRaw('false');
  return query.where(box === 'inbox' ? 'r.to_unit_id' : 'r.from_unit_id', viewer.actor.unitId);
}

export const requestNotFound = () => notFound(DISPATCH_ERRORS.REQUEST_NOT_FOUND, 'No such request');
