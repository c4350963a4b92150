import { audit, type RoutePlugin } from '../../../core/module-kit.ts';
import { confirmNoticeRoute, listMineRoute, readNoticeRoute } from '../schemas/notice.schema.ts';
import { confirmNotice, listMine, openNotice } from './reader.service.ts';

/**
 * Readers: every signed-in user of the county, no permission needed — what they may read is what
 * is addressed to them (their recipient rows); any other notice is a 404.
 */
export const readerRoutes: RoutePlugin = async (app) => {
  app.get('/notices', { schema: listMineRoute }, async (request) => listMine(request, request.query));

  app.get('/notices/:id', { schema: readNoticeRoute }, async (request) => openNotice(request, request.params.id));

  app.post('/notices/:id/confirm', { schema: confirmNoticeRoute }, async (request) => {
    const view = await confirmNotice(request, request.params.id);
    await audit(request, {
      action: 'announcements.notice.confirm',
      recordType: 'announcement',
      recordId: view.id,
      data: { title: view.title },
    });
    return view;
  });
};
