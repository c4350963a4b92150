import { audit, moduleActor, type RoutePlugin } from '../../../core/module-kit.ts';
import {
  audienceRolesRoute,
  createNoticeRoute,
  deleteNoticeRoute,
  getManagedRoute,
  listManagedRoute,
  publishNoticeRoute,
  updateNoticeRoute,
  withdrawNoticeRoute,
} from '../schemas/notice.schema.ts';
import { managedNotice } from './notice-access.ts';
import { listManaged } from './manage-list.service.ts';
import { createNotice, deleteNotice, noticeDetail, updateNotice } from './notice.service.ts';
import { PERMISSION } from './permissions.ts';
import { publishNotice, withdrawNotice } from './publish.service.ts';

const permission = PERMISSION.publish;
const record = (id: string) => ({ recordType: 'announcement', recordId: id });

/** Publishers (announcements.publish): their notices, drafts, publishing and withdrawing. */
export const manageRoutes: RoutePlugin = async (app) => {
  app.get('/manage', { schema: listManagedRoute, config: { permission } }, async (request) =>
    listManaged(request, (await moduleActor(request)).userId, request.query),
  );

  app.post('/manage', { schema: createNoticeRoute, config: { permission, idempotent: true } }, async (request, reply) => {
    const id = await createNotice(request, request.body);
    const row = await managedNotice(request, id);
    await audit(request, { action: 'announcements.notice.create', ...record(id), data: { title: row.title } });
    return reply.status(201).send(await noticeDetail(request.db, row));
  });

  app.get('/manage/:id', { schema: getManagedRoute, config: { permission } }, async (request) =>
    noticeDetail(request.db, await managedNotice(request, request.params.id)),
  );

  app.patch('/manage/:id', { schema: updateNoticeRoute, config: { permission } }, async (request) => {
    await updateNotice(request, request.params.id, request.body);
    const row = await managedNotice(request, request.params.id);
    await audit(request, { action: 'announcements.notice.update', ...record(row.id), data: { title: row.title } });
    return noticeDetail(request.db, row);
  });

  app.delete('/manage/:id', { schema: deleteNoticeRoute, config: { permission } }, async (request, reply) => {
    const row = await managedNotice(request, request.params.id);
    await deleteNotice(request, row.id);
    await audit(request, { action: 'announcements.notice.delete', ...record(row.id), data: { title: row.title } });
    return reply.status(204).send(null);
  });

  app.post('/manage/:id/publish', { schema: publishNoticeRoute, config: { permission } }, async (request) => {
    await publishNotice(request, request.params.id);
    const row = await managedNotice(request, request.params.id);
    await audit(request, {
      action: 'announcements.notice.publish',
      ...record(row.id),
      data: { title: row.title, recipients: row.recipient_count },
    });
    return noticeDetail(request.db, row);
  });

  app.post('/manage/:id/withdraw', { schema: withdrawNoticeRoute, config: { permission } }, async (request) => {
    await withdrawNotice(request, request.params.id);
    const row = await managedNotice(request, request.params.id);
    await audit(request, { action: 'announcements.notice.withdraw', ...record(row.id), data: { title: row.title } });
    return noticeDetail(request.db, row);
  });

  // Role names for the audience picker: a publisher need not manage roles to address their holders.
  app.get('/audience/roles', { schema: audienceRolesRoute, config: { permission } }, async (request) => ({
    items: (await request.db('core_role').orderBy('name').select('id', 'name')) as { id: string; name: string }[],
  }));
};
