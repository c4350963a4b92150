import { audit, notFound, requirePermission, type RoutePlugin, todayIn } from '../../../core/module-kit.ts';
import type { Knex } from 'knex';
import { createCollectionRoute, getCollectionRoute, listCollectionsRoute, myDueRoute, openPeriodRoute, periodStatusRoute, previousAnswersRoute, remindRoute, updateCollectionRoute } from '../schemas/collection.schema.ts';
import { formsActor } from './actor.ts';
import type { PeriodRow } from './collection-assignee.ts';
import { createCollection, getCollection, getCollectionRow, listCollections, updateCollection } from './collection.service.ts';
import { formsContext } from './forms-context.ts';
import { myDue } from './my-due.service.ts';
import { ensurePeriod, periodToView, requestedPeriod } from './period.service.ts';
import { periodAssigneeStatus } from './period-status.service.ts';
import { previousAnswers } from './previous-answers.service.ts';
import { remindMissing } from './reminder.service.ts';

/** Collections (一月一报): sending a form to units and people per period, tracking and reminding. */
export const collectionRoutes: RoutePlugin = async (app) => {
  app.post('/collections', { schema: createCollectionRoute }, async (request, reply) => {
    const scope = await requirePermission(request, 'forms.collect');
    const id = await createCollection(formsContext(request), scope, request.body);
    return reply.status(201).send(await getCollection(request.db, scope, id));
  });

  app.get('/collections', { schema: listCollectionsRoute }, async (request) => {
    return listCollections(request.db, await requirePermission(request, 'forms.collect'), request.query);
  });

  app.get('/collections/:id', { schema: getCollectionRoute }, async (request) => {
    return getCollection(request.db, await requirePermission(request, 'forms.collect'), request.params.id);
  });

  app.patch('/collections/:id', { schema: updateCollectionRoute }, async (request) => {
    const scope = await requirePermission(request, 'forms.collect');
    return updateCollection(formsContext(request), scope, request.params.id, request.body);
  });

  app.post('/collections/:id/periods', { schema: openPeriodRoute }, async (request) => {
    const scope = await requirePermission(request, 'forms.collect');
    await getCollection(request.db, scope, request.params.id);
    const collection = await getCollectionRow(request.db, request.params.id);
    return periodToView(await ensurePeriod(request.db, request.tenant.id, collection, requestedPeriod(collection, request.body.periodKey, todayIn(request.tenant.timeZone))));
  });

  app.get('/collections/:id/periods/:period/status', { schema: periodStatusRoute }, async (request) => {
    const scope = await requirePermission(request, 'forms.collect');
    await getCollection(request.db, scope, request.params.id);
    const period = await findPeriod(request.db, request.params.id, request.params.period);
    const assignees = await periodAssigneeStatus(request.db, request.params.id, period.period_key, scope);
    return { period: periodToView(period), submitted: assignees.filter((a) => a.state === 'submitted'), missing: assignees.filter((a) => a.state !== 'submitted') };
  });

  app.get('/collections/:id/periods/:period/previous', { schema: previousAnswersRoute }, async (request) => {
    await requirePermission(request, 'forms.submit');
    return previousAnswers(request.db, await formsActor(request), request.params.id, request.params.period, request.query.assigneeId);
  });

  app.post('/collections/:id/periods/:period/remind', { schema: remindRoute }, async (request) => {
    const scope = await requirePermission(request, 'forms.collect');
    await getCollection(request.db, scope, request.params.id);
    const collection = await getCollectionRow(request.db, request.params.id);
    const period = await findPeriod(request.db, collection.id, request.params.period);
    const result = await remindMissing({ trx: request.db, tenantId: request.tenant.id, notifier: request.server.notifier, collection, period, scope, userId: request.user?.id ?? null, sms: request.body.sms !== false });
    await audit(request, { action: 'forms.collection.remind', recordType: 'forms_collection', recordId: collection.id, data: { periodKey: period.period_key, ...result } });
    return result;
  });

  app.get('/my-due', { schema: myDueRoute }, async (request) => {
    await requirePermission(request, 'forms.submit');
    return myDue(request.db, await formsActor(request), request.query.all === true, request.tenant.timeZone);
  });
};

async function findPeriod(trx: Knex.Transaction, collectionId: string, periodKey: string): Promise<PeriodRow> {
  const period: PeriodRow | undefined = await trx('forms_period').where({ collection_id: collectionId, period_key: periodKey }).first('collection_id', 'period_key', 'starts_on', 'ends_on', 'due_on');
  if (!period) throw notFound('FORMS_PERIOD_NOT_FOUND', `Period ${periodKey} is not open in this collection`);
  return period;
}
