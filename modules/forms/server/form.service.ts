import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  badRequest,
  conflict,
  containsPattern,
  decodeCursor,
  encodeCursor,
  type ModuleContext,
  notFound,
  writeAudit,
} from '../../../core/module-kit.ts';
import { checkFormSchema } from './form-schema-check.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** Who acts, in which tenant transaction: what every forms service works in. */
export interface FormRow {
  id: string;
  name: string;
  description: string;
  category: string;
  schema: Record<string, unknown>;
  ui_schema: Record<string, unknown>;
  latest_version: number;
  draft_changed: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface VersionRow {
  form_id: string;
  version: number;
  name: string;
  schema: Record<string, unknown>;
  ui_schema: Record<string, unknown>;
  published_at: Date;
}

export interface NewForm {
  name: string;
  description?: string;
  category?: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

export const formToView = (row: FormRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  category: row.category,
  schema: row.schema,
  uiSchema: row.ui_schema,
  latestVersion: row.latest_version,
  draftChanged: row.draft_changed,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const versionToView = (row: VersionRow) => ({
  formId: row.form_id,
  version: row.version,
  name: row.name,
  schema: row.schema,
  uiSchema: row.ui_schema,
  publishedAt: row.published_at,
});

export async function createForm(ctx: ModuleContext, input: NewForm): Promise<FormRow> {
  checkFormSchema(input.schema, input.uiSchema);
  const [row] = await ctx
    .trx('forms_form')
    .insert({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      name: input.name,
      description: input.description ?? '',
      category: input.category ?? '',
      schema: JSON.stringify(input.schema),
      ui_schema: JSON.stringify(input.uiSchema ?? {}),
      created_by: ctx.userId,
    })
    .returning('*');
  await writeAudit(ctx.trx, ctx.tenantId, ctx.userId, {
    action: 'forms.form.create',
    recordType: 'forms_form',
    recordId: row.id,
    data: { name: input.name },
  });
  return row;
}

export async function getForm(trx: Knex.Transaction, id: string, lock = false): Promise<FormRow> {
  const query = trx('forms_form').where({ id }).first();
  // Publishing locks the form: two publishes at once must not both take the same number.
  if (lock) query.forUpdate();
  const row: FormRow | undefined = await query;
  if (!row) throw notFound(FORMS_ERRORS.FORM_NOT_FOUND, 'No such form');
  return row;
}

export async function updateForm(ctx: ModuleContext, id: string, changes: Partial<NewForm>): Promise<FormRow> {
  const current = await getForm(ctx.trx, id, true);
  if (changes.schema !== undefined || changes.uiSchema !== undefined) checkFormSchema(changes.schema ?? current.schema, changes.uiSchema);
  const update: Record<string, unknown> = { updated_at: ctx.trx.fn.now() };
  if (changes.name !== undefined) update.name = changes.name;
  if (changes.description !== undefined) update.description = changes.description;
  if (changes.category !== undefined) update.category = changes.category;
  if (changes.schema !== undefined) update.schema = JSON.stringify(changes.schema);
  if (changes.uiSchema !== undefined) update.ui_schema = JSON.stringify(changes.uiSchema);
  if (changes.schema !== undefined || changes.uiSchema !== undefined || changes.name !== undefined) update.draft_changed = true;
  const [row] = await ctx.trx('forms_form').where({ id }).update(update).returning('*');
  await writeAudit(ctx.trx, ctx.tenantId, ctx.userId, {
    action: 'forms.form.update',
    recordType: 'forms_form',
    recordId: id,
    data: { fields: Object.keys(changes) },
  });
  return row;
}

/** Freezes the draft as version `latest + 1`; later draft edits never touch it. */
export async function publishForm(ctx: ModuleContext, id: string): Promise<VersionRow> {
  const form = await getForm(ctx.trx, id, true);
  if (!form.draft_changed && form.latest_version > 0) {
    throw conflict(FORMS_ERRORS.NOTHING_TO_PUBLISH, `The draft is the same as version ${form.latest_version}`);
  }
  // Re-checked: the guard may have become stricter since the draft was saved.
  checkFormSchema(form.schema, form.ui_schema, 'draft');
  const version = form.latest_version + 1;
  const [row] = await ctx
    .trx('forms_form_version')
    .insert({
      tenant_id: ctx.tenantId,
      form_id: id,
      version,
      name: form.name,
      schema: JSON.stringify(form.schema),
      ui_schema: JSON.stringify(form.ui_schema),
      published_by: ctx.userId,
    })
    .returning(['form_id', 'version', 'name', 'schema', 'ui_schema', 'published_at']);
  await ctx.trx('forms_form').where({ id }).update({ latest_version: version, draft_changed: false, updated_at: ctx.trx.fn.now() });
  await writeAudit(ctx.trx, ctx.tenantId, ctx.userId, {
    action: 'forms.form.publish',
    recordType: 'forms_form',
    recordId: id,
    data: { version },
  });
  return row;
}

export async function listForms(
  trx: Knex.Transaction,
  filter: { category?: string; q?: string; published?: boolean; limit: number; cursor?: string },
) {
  const query = trx('forms_form')
    .select('id', 'name', 'description', 'category', 'latest_version', 'draft_changed', 'updated_at')
    // The key as PostgreSQL's text: a JS Date would drop the microseconds and skip rows.
    .select(trx.raw('updated_at::text as cursor_at'))
    .orderBy([
      { column: 'updated_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(filter.limit + 1);
  if (filter.category !== undefined) query.where('category', filter.category);
  if (filter.q) query.whereILike('name', containsPattern(filter.q));
  if (filter.published === true) query.where('latest_version', '>', 0);
  if (filter.published === false) query.where('latest_version', 0);
  if (filter.cursor) {
    const [at, formId] = decodeCursor(filter.cursor, ['timestamp', 'uuid'], FORMS_ERRORS.CURSOR_INVALID);
    query.whereRaw('(updated_at, id) < (?::timestamptz, ?::uuid)', [at, formId]);
  }
  const rows: (Pick<FormRow, 'id' | 'name' | 'description' | 'category' | 'latest_version' | 'draft_changed' | 'updated_at'> & {
    cursor_at: string;
  })[] = await query;
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      category: r.category,
      latestVersion: r.latest_version,
      draftChanged: r.draft_changed,
      updatedAt: r.updated_at,
    })),
    nextCursor: rows.length > filter.limit ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}

export async function listVersions(trx: Knex.Transaction, formId: string) {
  await getForm(trx, formId);
  const rows: { form_id: string; version: number; name: string; published_at: Date; submission_count: string }[] = await trx(
    'forms_form_version as v',
  )
    .where('v.form_id', formId)
    .select('v.form_id', 'v.version', 'v.name', 'v.published_at')
    .select(
      trx.raw(
        '(select count(*) from forms_submission s where s.tenant_id = v.tenant_id and s.form_id = v.form_id and s.version = v.version) as submission_count',
      ),
    )
    .orderBy('v.version', 'desc');
  return rows.map((r) => ({
    formId: r.form_id,
    version: r.version,
    name: r.name,
    publishedAt: r.published_at,
    submissionCount: Number(r.submission_count),
  }));
}

export function findVersion(trx: Knex.Transaction, formId: string, version: number): Promise<VersionRow | undefined> {
  return trx('forms_form_version')
    .where({ form_id: formId, version })
    .first('form_id', 'version', 'name', 'schema', 'ui_schema', 'published_at');
}

export async function getVersion(trx: Knex.Transaction, formId: string, version: number): Promise<VersionRow> {
  const row = await findVersion(trx, formId, version);
  if (!row) throw notFound(FORMS_ERRORS.VERSION_NOT_FOUND, `Form version ${version} does not exist`);
  return row;
}

export function requirePublished(form: FormRow): number {
  if (form.latest_version === 0)
    throw badRequest(FORMS_ERRORS.NOT_PUBLISHED, 'Publish the form first', [{ path: 'body.formId', message: 'has no published version' }]);
  return form.latest_version;
}
