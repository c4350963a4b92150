import { audit, type RoutePlugin } from '../../../core/module-kit.ts';
import { receiptPeopleRoute, receiptsRoute, remindRoute } from '../schemas/notice.schema.ts';
import { PERMISSION } from './permissions.ts';
import { remindUnread } from './publish.service.ts';
import { receiptPeople, receiptsOf } from './receipts.service.ts';

const permission = PERMISSION.publish;

/** A notice's receipts for its publishers: counts per unit, the people behind them, reminding the unread. */
export const receiptsRoutes: RoutePlugin = async (app) => {
  app.get('/manage/:id/receipts', { schema: receiptsRoute, config: { permission } }, async (request) =>
    receiptsOf(request, request.params.id),
  );

  app.get('/manage/:id/receipts/people', { schema: receiptPeopleRoute, config: { permission } }, async (request) =>
    receiptPeople(request, request.params.id, request.query),
  );

  app.post('/manage/:id/remind', { schema: remindRoute, config: { permission } }, async (request) => {
    const result = await remindUnread(request, request.params.id, request.body.sms ?? true);
    await audit(request, { action: 'announcements.notice.remind', recordType: 'announcement', recordId: request.params.id, data: result });
    return result;
  });
};
