import { audit, moduleActor, moduleContext, notFound, type RoutePlugin, todayIn } from '../../../core/module-kit.ts';
import type { Knex } from 'knex';
import {
  createCollectionRoute,
  getCollectionRoute,
  listCollectionsRoute,
  myDueRoute,
  openPeriodRoute,
  periodStatusRoute,
  previousAnswersRoute,
  remindRoute,
  updateCollectionRoute,
} from '../schemas/collection.schema.ts';
import type { PeriodRow } from './collection-assignee.ts';
import { createCollection, getCollection, getCollectionRow, listCollections, updateCollection } from './collection.service.ts';
import { myDue } from './my-due.service.ts';
import { ensurePeriod, periodToView, requestedPeriod } from './period.service.ts';
import { periodAssigneeStatus } from './period-status.service.ts';
import { previousAnswers } from './previous-answers.service.ts';
import { remindMissing } from './reminder.service.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** Collections (一月一报): sending a form to units and people per period, tracking and reminding. */
export const collectionRoutes: RoutePlugin = async (app) => {
  app.post('/collections', { schema: createCollectionRoute, config: { permission: 'forms.collect' } }, async (request, reply) => {
    const scope = request.scope;
    const id = await createCollection(moduleContext(request), scope, request.body);
    return reply.status(201).send(await getCollection(request.db, scope, id));
  });

  app.get('/collections', { schema: listCollectionsRoute, config: { permission: 'forms.collect' } }, async (request) => {
    return listCollections(request.db, request.scope, request.query);
  });

  app.get('/collections/:id', { schema: getCollectionRoute, config: { permission: 'forms.collect' } }, async (request) => {
    return getCollection(request.db, request.scope, request.params.id);
  });

  app.patch('/collections/:id', { schema: updateCollectionRoute, config: { permission: 'forms.collect' } }, async (request) => {
    const scope = request.scope;
    return updateCollection(moduleContext(request), scope, request.params.id, request.body);
  });

  app.post('/collections/:id/periods', { schema: openPeriodRoute, config: { permission: 'forms.collect' } }, async (request) => {
    const scope = request.scope;
    await getCollection(request.db, scope, request.params.id);
    const collection = await getCollectionRow(request.db, request.params.id);
    return periodToView(
      await ensurePeriod(
        request.db,
        request.tenant.id,
        collection,
        requestedPeriod(collection, request.body.periodKey, todayIn(request.tenant.timeZone)),
      ),
    );
  });

  app.get(
    '/collections/:id/periods/:period/status',
    { schema: periodStatusRoute, config: { permission: 'forms.collect' } },
    async (request) => {
      const scope = request.scope;
      await getCollection(request.db, scope, request.params.id);
      const period = await findPeriod(request.db, request.params.id, request.params.period);
      const assignees = await periodAssigneeStatus(request.db, request.params.id, period.period_key, scope);
      return {
        period: periodToView(period),
        submitted: assignees.filter((a) => a.state === 'submitted'),
        missing: assignees.filter((a) => a.state !== 'submitted'),
      };
    },
  );

  app.get(
    '/collections/:id/periods/:period/previous',
    { schema: previousAnswersRoute, config: { permission: 'forms.submit' } },
    async (request) => {
      return previousAnswers(request.db, await moduleActor(request), request.params.id, request.params.period, request.query.assigneeId);
    },
  );

  app.post('/collections/:id/periods/:period/remind', { schema: remindRoute, config: { permission: 'forms.collect' } }, async (request) => {
    const scope = request.scope;
    await getCollection(request.db, scope, request.params.id);
    const collection = await getCollectionRow(request.db, request.params.id);
    const period = await findPeriod(request.db, collection.id, request.params.period);
    const result = await remindMissing({
      trx: request.db,
      tenantId: request.tenant.id,
      notifier: request.server.notifier,
      collection,
      period,
      scope,
      userId: request.user?.id ?? null,
      sms: request.body.sms !== false,
    });
    await audit(request, {
      action: 'forms.collection.remind',
      recordType: 'forms_collection',
      recordId: collection.id,
      data: { periodKey: period.period_key, ...result },
    });
    return result;
  });

  app.get('/my-due', { schema: myDueRoute, config: { permission: 'forms.submit' } }, async (request) => {
    return myDue(request.db, await moduleActor(request), request.query.all === true, request.tenant.timeZone);
  });
};

async function findPeriod(trx: Knex.Transaction, collectionId: string, periodKey: string): Promise<PeriodRow> {
  const period: PeriodRow | undefined = await trx('forms_period')
    .where({ collection_id: collectionId, period_key: periodKey })
    .first('collection_id', 'period_key', 'starts_on', 'ends_on', 'due_on');
  if (!period) throw notFound(FORMS_ERRORS.PERIOD_NOT_FOUND, `Period ${periodKey} is not open in this collection`);
  return period;
}
