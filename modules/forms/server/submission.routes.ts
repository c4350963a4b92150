import type { FastifyRequest } from 'fastify';
import { moduleActor, notFound, type RoutePlugin, scopeOf, unitPathInScope } from '../../../core/module-kit.ts';
import {
  createSubmissionRoute,
  getSubmissionRoute,
  mySubmissionsRoute,
  returnSubmissionRoute,
  submitSubmissionRoute,
  updateSubmissionRoute,
} from '../schemas/submission.schema.ts';
import { getVersion } from './form.service.ts';
import { assertVisible, findSubmission, listMySubmissions, submissionToView } from './submission-query.ts';
import { createSubmission, returnSubmission, submitSubmission, updateSubmission, type SubmissionContext } from './submission.service.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

async function submissionContext(request: FastifyRequest): Promise<SubmissionContext> {
  return {
    trx: request.db,
    tenantId: request.tenant.id,
    actor: await moduleActor(request),
    notifier: request.server.notifier,
    jobs: request.server.jobs,
  };
}

/** Filling forms in (`forms.submit`), and returning submissions for correction (`forms.collect`). */
export const submissionRoutes: RoutePlugin = async (app) => {
  // A phone on a bad network retries: the Idempotency-Key makes the retry create nothing new.
  app.post(
    '/forms/:id/submissions',
    { schema: createSubmissionRoute, config: { idempotent: true, permission: 'forms.submit' } },
    async (request, reply) => {
      const row = await createSubmission(await submissionContext(request), request.params.id, request.body);
      return reply.status(201).send(submissionToView(row));
    },
  );

  app.get('/submissions/mine', { schema: mySubmissionsRoute, config: { permission: 'forms.submit' } }, async (request) => {
    return listMySubmissions(request.db, (await moduleActor(request)).userId, request.query);
  });

  app.get('/submissions/:id', { schema: getSubmissionRoute }, async (request) => {
    const user = await moduleActor(request);
    const row = assertVisible(
      await findSubmission(request.db, request.params.id),
      user.userId,
      await scopeOf(request, ['forms.results', 'forms.collect']),
    );
    const version = await getVersion(request.db, row.form_id, row.version);
    return {
      ...submissionToView(row),
      form: { version: version.version, name: version.name, schema: version.schema, uiSchema: version.ui_schema },
    };
  });

  app.patch('/submissions/:id', { schema: updateSubmissionRoute, config: { permission: 'forms.submit' } }, async (request) => {
    return submissionToView(await updateSubmission(await submissionContext(request), request.params.id, request.body.data));
  });

  app.post(
    '/submissions/:id/submit',
    { schema: submitSubmissionRoute, config: { idempotent: true, permission: 'forms.submit' } },
    async (request) => {
      return submissionToView(await submitSubmission(await submissionContext(request), request.params.id, request.body.data));
    },
  );

  app.post('/submissions/:id/return', { schema: returnSubmissionRoute, config: { permission: 'forms.collect' } }, async (request) => {
    const scope = request.scope;
    const row = await findSubmission(request.db, request.params.id);
    // Outside the returner's units the submission does not exist for them.
    if (!row || !(scope.kind === 'tenant' || (row.unit_path !== null && unitPathInScope(row.unit_path, scope))))
      throw notFound(FORMS_ERRORS.SUBMISSION_NOT_FOUND, 'No such submission');
    return submissionToView(await returnSubmission(await submissionContext(request), row, request.body.reason));
  });
};
