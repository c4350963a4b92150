import type { Knex } from 'knex';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { BareSqlContext } from './bare-sql.ts';

/** The household form of the Jiazhou seed (因户施策), reduced to the fields the benchmark touches. */
export const HOUSEHOLD_SCHEMA = {
  type: 'object',
  required: ['headName', 'cause'],
  additionalProperties: false,
  properties: {
    headName: { type: 'string', title: '户主姓名', maxLength: 50 },
    cause: { type: 'string', title: '致贫原因', enum: ['因病', '因学', '因残', '缺劳力', '缺技术'] },
    income: { type: 'number', title: '年人均纯收入', minimum: 0 },
    waterSafe: { type: 'boolean', title: '饮水安全' },
    members: { type: 'integer', title: '家庭人口', minimum: 1, maximum: 20 },
  },
} as const;

export const BENCH_FORMS = { submissions: 100_000, formName: '因户施策基准表' };

/**
 * Enables the forms module for the benchmark tenant and gives it the household form (version 1)
 * with 100,000 submitted answers spread over its villages. Set-based SQL as the owner.
 */
export async function seedBenchForms(owner: Knex, tenantId: string, adminUserId: string): Promise<void> {
  await owner('core_tenant_module')
    .insert({ tenant_id: tenantId, module_id: 'forms', enabled: true, config: '{}' })
    .onConflict(['tenant_id', 'module_id'])
    .merge({ enabled: true });
  const formId = uuidv7();
  const schema = JSON.stringify(HOUSEHOLD_SCHEMA);
  await owner('forms_form').insert({
    tenant_id: tenantId,
    id: formId,
    name: BENCH_FORMS.formName,
    schema,
    latest_version: 1,
    draft_changed: false,
    created_by: adminUserId,
  });
  await owner('forms_form_version').insert({
    tenant_id: tenantId,
    form_id: formId,
    version: 1,
    name: BENCH_FORMS.formName,
    schema,
    ui_schema: '{}',
    published_by: adminUserId,
  });
  await owner.raw(
    `with villages as (select id, row_number() over (order by id) - 1 as n from core_unit where tenant_id = ? and depth = 2),
          answers as (select i, jsonb_build_object('headName', '户主' || i, 'cause', (array['因病','因学','因残','缺劳力','缺技术'])[1 + i % 5],
                         'income', 3000 + (i * 37) % 9000, 'waterSafe', i % 7 <> 0, 'members', 1 + i % 6) as data
                      from generate_series(1, ?) i)
     insert into forms_submission (tenant_id, id, form_id, version, unit_id, submitted_by, status, data, search_text, submitted_at)
     select ?, gen_random_uuid(), ?, 1, v.id, ?, 'submitted', a.data, a.data->>'headName', now()
     from answers a join villages v on v.n = a.i % (select count(*) from villages)`,
    [tenantId, BENCH_FORMS.submissions, tenantId, formId, adminUserId],
  );
  await owner.raw('analyze forms_submission');
}

export function householdAnswers(i: number) {
  return {
    headName: `新户${i}`,
    cause: ['因病', '因学', '因残', '缺劳力', '缺技术'][i % 5],
    income: 4000 + i,
    waterSafe: i % 3 !== 0,
    members: 1 + (i % 5),
  };
}

export interface FormsBareContext extends BareSqlContext {
  formId: string;
}

let next = 0;
/** As createSubmission does for a tenant admin: form, version, module config, insert, audit, read back. */
export async function submitWork(client: pg.PoolClient, context: FormsBareContext): Promise<void> {
  await client.query(`select * from forms_form where id = $1 limit 1`, [context.formId]);
  await client.query(
    `select form_id, version, name, schema, ui_schema, published_at from forms_form_version where form_id = $1 and version = 1 limit 1`,
    [context.formId],
  );
  await client.query(`select config from core_tenant_module where module_id = 'forms' limit 1`);
  const id = uuidv7();
  const data = householdAnswers(++next);
  await client.query(
    `insert into forms_submission (tenant_id, id, form_id, version, unit_id, submitted_by, status, data, search_text, submitted_at) values ($1, $2, $3, 1, null, $4, 'submitted', $5, $6, now())`,
    [context.tenantId, id, context.formId, context.userId, JSON.stringify(data), data.headName],
  );
  await client.query(
    `insert into core_audit_log (tenant_id, id, actor_user_id, action, record_type, record_id, data) values ($1, $2, $3, 'forms.submission.submit', 'forms_submission', $4, $5)`,
    [context.tenantId, uuidv7(), context.userId, id, JSON.stringify({ formId: context.formId, version: 1 })],
  );
  await client.query(
    `select s.id, s.form_id, f.name as form_name, s.version, s.status, s.data, s.unit_id, u.name as unit_name, u.path as unit_path, s.submitted_by, usr.display_name as submitter_name, s.submitted_at, s.created_at, s.updated_at
     from forms_submission s join forms_form f on f.tenant_id = s.tenant_id and f.id = s.form_id join core_user usr on usr.tenant_id = s.tenant_id and usr.id = s.submitted_by
     left join core_unit u on u.tenant_id = s.tenant_id and u.id = s.unit_id where s.id = $1 limit 1`,
    [id],
  );
}

/** As statistics() does for `fields=cause`: the total, then the counts per option of the choice field. */
export async function statisticsWork(client: pg.PoolClient, context: FormsBareContext): Promise<void> {
  await client.query(`select version, schema from forms_form_version where form_id = $1 order by version desc limit 1`, [context.formId]);
  await client.query(
    `select '' as g, count(*) from forms_submission s where s.form_id = $1 and s.status in ('submitted', 'returned') group by 1`,
    [context.formId],
  );
  await client.query(
    `select '' as g, s.data #>> '{cause}' as v, count(*) from forms_submission s where s.form_id = $1 and s.status in ('submitted', 'returned') group by 1, 2`,
    [context.formId],
  );
}
