import type { FastifyRequest } from 'fastify';
import { audit, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { createTypeRoute, getTypeRoute, listTypesRoute, updateTypeRoute, type TypeView } from '../schemas/type.schema.ts';
import { formsService } from './forms-port.ts';
import { PERMISSION } from './permissions.ts';
import { createType, findType, typeQuery, updateType, type TypeRow } from './type.service.ts';

type FormOfType = TypeView['form'];

async function formsOf(request: FastifyRequest, rows: TypeRow[]): Promise<Map<string, FormOfType>> {
  const forms = await formsService(request, 'params');
  const found = new Map<string, FormOfType>();
  for (const row of rows) {
    const version = await forms.publishedVersion(request.db, row.form_id, row.form_version);
    found.set(row.id, { name: version?.name ?? '', schema: version?.schema ?? {}, uiSchema: version?.uiSchema ?? {} });
  }
  return found;
}

function toTypeView(row: TypeRow, form: FormOfType): TypeView {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    description: row.description,
    formId: row.form_id,
    formVersion: row.form_version,
    version: row.current_version,
    active: row.active,
    flow: row.flow,
    form,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function typeView(request: FastifyRequest, row: TypeRow): Promise<TypeView> {
  return toTypeView(row, (await formsOf(request, [row])).get(row.id)!);
}

/** Approval types (审批类型): applicants read the open ones; managers define and change them. */
export const typeRoutes: RoutePlugin = async (app) => {
  app.get('/types', { schema: listTypesRoute, config: { permission: [PERMISSION.apply, PERMISSION.manage] } }, async (request) => {
    const rows: TypeRow[] = await typeQuery(request.db)
      .modify((q) => (request.query.includeInactive ? q : q.where('t.active', true)))
      .orderBy([{ column: 't.category' }, { column: 't.name' }]);
    const forms = await formsOf(request, rows);
    return { items: rows.map((row) => toTypeView(row, forms.get(row.id)!)) };
  });

  app.get('/types/:id', { schema: getTypeRoute, config: { permission: [PERMISSION.apply, PERMISSION.manage] } }, async (request) =>
    typeView(request, await findType(request.db, request.params.id)),
  );

  app.post('/types', { schema: createTypeRoute, config: { permission: PERMISSION.manage } }, async (request, reply) => {
    const id = await createType(moduleContext(request), await formsService(request, 'body.formId'), request.body);
    await audit(request, { action: 'approvals.type.create', recordType: 'approval_type', recordId: id, data: { name: request.body.name } });
    return reply.status(201).send(await typeView(request, await findType(request.db, id)));
  });

  app.put('/types/:id', { schema: updateTypeRoute, config: { permission: PERMISSION.manage } }, async (request) => {
    await updateType(moduleContext(request), await formsService(request, 'body.formId'), request.params.id, request.body);
    const saved = await findType(request.db, request.params.id);
    await audit(request, {
      action: 'approvals.type.update',
      recordType: 'approval_type',
      recordId: saved.id,
      data: { name: saved.name, version: saved.current_version },
    });
    return typeView(request, saved);
  });
};
