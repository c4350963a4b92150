import { moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import {
  createFormRoute,
  getFormRoute,
  getVersionRoute,
  listFormsRoute,
  listVersionsRoute,
  publishFormRoute,
  updateFormRoute,
} from '../schemas/form.schema.ts';
import {
  createForm,
  formToView,
  getForm,
  getVersion,
  listForms,
  listVersions,
  publishForm,
  updateForm,
  versionToView,
} from './form.service.ts';

/** Forms: the draft is designed with `forms.design`; publishing freezes it as a version. */
export const formRoutes: RoutePlugin = async (app) => {
  app.get(
    '/forms',
    { schema: listFormsRoute, config: { permission: ['forms.design', 'forms.collect', 'forms.results'] } },
    async (request) => {
      return listForms(request.db, request.query);
    },
  );

  app.post('/forms', { schema: createFormRoute, config: { permission: 'forms.design' } }, async (request, reply) => {
    return reply.status(201).send(formToView(await createForm(moduleContext(request), request.body)));
  });

  app.get(
    '/forms/:id',
    { schema: getFormRoute, config: { permission: ['forms.design', 'forms.collect', 'forms.results'] } },
    async (request) => {
      return formToView(await getForm(request.db, request.params.id));
    },
  );

  app.patch('/forms/:id', { schema: updateFormRoute, config: { permission: 'forms.design' } }, async (request) => {
    return formToView(await updateForm(moduleContext(request), request.params.id, request.body));
  });

  app.post('/forms/:id/publish', { schema: publishFormRoute, config: { permission: 'forms.design' } }, async (request, reply) => {
    return reply.status(201).send(versionToView(await publishForm(moduleContext(request), request.params.id)));
  });

  app.get(
    '/forms/:id/versions',
    { schema: listVersionsRoute, config: { permission: ['forms.design', 'forms.collect', 'forms.results'] } },
    async (request) => {
      return { items: await listVersions(request.db, request.params.id) };
    },
  );

  // Those who fill a form in read the version they fill in (or were returned to correct).
  app.get(
    '/forms/:id/versions/:version',
    { schema: getVersionRoute, config: { permission: ['forms.design', 'forms.collect', 'forms.results', 'forms.submit'] } },
    async (request) => {
      return versionToView(await getVersion(request.db, request.params.id, request.params.version));
    },
  );
};
