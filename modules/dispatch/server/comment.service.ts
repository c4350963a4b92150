import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { attachFiles, badRequest, decodeCursor, encodeCursor, fileReferences, type ModuleContext } from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';
import { notifyWatchers } from './follow.service.ts';
import { assignmentUsers } from './recipients.ts';
import type { TaskAccess } from './task-access.ts';
import { checkFiles } from './task.service.ts';
import { assignmentQuery, fileViews, toAssignmentNode, visibleNodes, type AssignmentNode } from './task-view.ts';
import { appendTimeline } from './timeline.ts';
import { dispatchMessage } from '../locales/notifications.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface NewComment {
  text: string;
  assignmentId?: string;
  replyToId?: string;
  photoIds?: string[];
}

async function visibleTaskNodes(trx: Knex.Transaction, access: TaskAccess): Promise<AssignmentNode[]> {
  return visibleNodes(access, (await assignmentQuery(trx).where('a.task_id', access.task.id)).map(toAssignmentNode));
}

/**
 * Stores a comment after checking all of it: the assignment one of the task's the caller sees,
 * the comment replied to one of the task's the caller sees (a reply stays on its assignment),
 * photos uploaded images within the tenant's limit. Who hears of it: the author replied to, the
 * two sides of the assignment it is on, and the task's watchers for comments on the task itself
 * (a follower may not see every unit's branch, so a branch's discussion stays in the branch).
 */
export async function addComment(ctx: ModuleContext, access: TaskAccess, input: NewComment): Promise<string> {
  const { trx } = ctx;
  if (!input.text.trim())
    throw badRequest(DISPATCH_ERRORS.TEXT_BLANK, 'The comment is blank', [{ path: 'body.text', message: 'must not be blank' }]);
  const photoIds = input.photoIds ?? [];
  const config = await dispatchConfig(trx);
  if (photoIds.length > config.maxPhotosPerReport) {
    throw badRequest(DISPATCH_ERRORS.TOO_MANY_PHOTOS, `At most ${config.maxPhotosPerReport} photos per comment`, [
      { path: 'body.photoIds', message: `holds ${photoIds.length} photos` },
    ]);
  }
  const nodes = await visibleTaskNodes(trx, access);
  const visible = new Map(nodes.map((n) => [n.id, n]));
  let assignmentId = input.assignmentId ?? null;
  if (assignmentId && !visible.has(assignmentId))
    throw badRequest(DISPATCH_ERRORS.ASSIGNMENT_NOT_FOUND, 'No such assignment of this task', [
      { path: 'body.assignmentId', message: 'is not an assignment of this task you can see' },
    ]);
  let replyTo: { id: string; assignment_id: string | null; author_id: string } | undefined;
  if (input.replyToId) {
    replyTo = await trx('dispatch_comment')
      .where({ id: input.replyToId, task_id: access.task.id })
      .first('id', 'assignment_id', 'author_id');
    if (!replyTo || (replyTo.assignment_id && !visible.has(replyTo.assignment_id))) {
      throw badRequest(DISPATCH_ERRORS.COMMENT_NOT_FOUND, 'No such comment on this task', [
        { path: 'body.replyToId', message: 'is not a comment of this task you can see' },
      ]);
    }
    if (assignmentId && assignmentId !== replyTo.assignment_id)
      throw badRequest(DISPATCH_ERRORS.COMMENT_INVALID, 'A reply stays on the assignment of the comment it answers', [
        { path: 'body.assignmentId', message: 'differs from the assignment of the comment replied to' },
      ]);
    assignmentId = replyTo.assignment_id;
  }
  await checkFiles(trx, photoIds, 'body.photoIds', 'image');

  const id = uuidv7();
  await trx('dispatch_comment').insert({
    tenant_id: ctx.tenantId,
    id,
    task_id: access.task.id,
    assignment_id: assignmentId,
    reply_to_id: replyTo?.id ?? null,
    text: input.text,
    photo_ids: JSON.stringify(photoIds),
    author_id: ctx.userId,
    created_at: ctx.now,
  });
  await attachFiles(trx, ctx.tenantId, ctx.userId, { module: 'dispatch', kind: 'comment', id }, fileReferences(photoIds, 'body.photoIds'));
  await appendTimeline(ctx, [
    {
      taskId: access.task.id,
      assignmentId,
      kind: 'comment.added',
      data: { commentId: id, text: input.text.slice(0, 200), photos: photoIds.length },
    },
  ]);

  // A branch's discussion is between the unit and the one that dispatched to it: the parent
  // assignment's unit, or the task's creator for a top-level assignment.
  const node = assignmentId ? visible.get(assignmentId) : undefined;
  const parent = node?.parentId ? visible.get(node.parentId) : undefined;
  const sides = [node, parent].flatMap((n) => (n ? [{ id: n.id, unit_id: n.unit.id, person_id: n.person?.id ?? null }] : []));
  const handlers = [...(await assignmentUsers(trx, sides)).values()].flat();
  const dispatcher = node && !parent && access.task.created_by ? [access.task.created_by] : [];
  const direct = [...new Set([...handlers, ...dispatcher, ...(replyTo ? [replyTo.author_id] : [])])].filter((u) => u !== ctx.userId);
  const params = { task: access.task.title, text: input.text.slice(0, 200) };
  const message = dispatchMessage(replyTo ? 'comment.reply' : 'comment.new', params);
  if (direct.length > 0)
    await ctx.notifier.notify(trx, ctx.tenantId, {
      userIds: direct,
      kind: 'dispatch.comment.added',
      message,
      link: `/dispatch/tasks/${access.task.id}`,
    });
  if (!assignmentId)
    await notifyWatchers(ctx, access.task, { kind: 'dispatch.comment.added', message: dispatchMessage('comment.new', params) }, direct);
  return id;
}

interface CommentRow {
  id: string;
  task_id: string;
  assignment_id: string | null;
  reply_to_id: string | null;
  reply_author: string | null;
  text: string;
  photo_ids: string[];
  author_id: string;
  author_name: string;
  created_at: Date;
  cursor_at: string;
}

/** A page of the comments the caller sees, newest first, keyset-paged on (created_at, id). */
export async function commentPage(
  trx: Knex.Transaction,
  access: TaskAccess,
  page: { assignmentId?: string; ids?: string[]; limit: number; cursor?: string },
) {
  const nodes = await visibleTaskNodes(trx, access);
  const units = new Map(nodes.map((n) => [n.id, n.unit.name]));
  const query = trx('dispatch_comment as c')
    .join('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'c.tenant_id').andOn('usr.id', 'c.author_id');
    })
    .leftJoin('dispatch_comment as r', function joinReplied() {
      this.on('r.tenant_id', 'c.tenant_id').andOn('r.id', 'c.reply_to_id');
    })
    .leftJoin('core_user as ra', function joinRepliedAuthor() {
      this.on('ra.tenant_id', 'r.tenant_id').andOn('ra.id', 'r.author_id');
    })
    .where('c.task_id', access.task.id)
    .select(
      'c.id',
      'c.task_id',
      'c.assignment_id',
      'c.reply_to_id',
      'ra.display_name as reply_author',
      'c.text',
      'c.photo_ids',
      'c.author_id',
      'usr.display_name as author_name',
      'c.created_at',
    )
    .select(trx.raw('c.created_at::text as cursor_at'))
    .orderBy([
      { column: 'c.created_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(page.limit + 1);
  if (!access.supervise && !access.instruct)
    query.where((w) => w.whereNull('c.assignment_id').orWhereIn('c.assignment_id', [...units.keys()]));
  if (page.assignmentId) query.where('c.assignment_id', page.assignmentId);
  if (page.ids) query.whereIn('c.id', page.ids);
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['timestamp', 'uuid'], DISPATCH_ERRORS.CURSOR_INVALID);
    query.whereRaw('(c.created_at, c.id) < (?::timestamptz, ?::uuid)', [at, id]);
  }
  const rows: CommentRow[] = await query;
  const items = rows.slice(0, page.limit);
  const files = await fileViews(trx, [...new Set(items.flatMap((r) => r.photo_ids))]);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      assignmentId: r.assignment_id,
      unitName: r.assignment_id ? (units.get(r.assignment_id) ?? null) : null,
      replyToId: r.reply_to_id,
      replyToAuthorName: r.reply_author,
      text: r.text,
      photos: r.photo_ids.flatMap((photoId) => files.get(photoId) ?? []),
      author: { id: r.author_id, name: r.author_name },
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > page.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
