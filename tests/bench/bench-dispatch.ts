import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../core/app.ts';
import { hashPassword } from '../../core/auth/password.ts';
import type { PlatformConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/database.ts';
import { moduleJobContext } from '../../core/jobs/module-jobs.ts';
import { recomputeTenantLights } from '../../modules/dispatch/server/lights.jobs.ts';
import { installedModules } from '../../modules/index.ts';

/**
 * Dispatch in the benchmark tenant: 2,000 active tasks of 50 units each (100,000 assignments over
 * its 20 towns and 200 villages, about 450 per unit), a tenth of them with a report waiting for
 * review, an instruction on every fifth task, and requests between villages and the county. One
 * village user handles its unit's work: the "my pending" of a unit in a large tenant.
 */
export const BENCH_DISPATCH = {
  tasks: 2_000,
  unitsPerTask: 50,
  handler: 'bench-village',
  newTaskTitle: '基准下达任务',
};

export async function seedBenchDispatch(knex: Knex, tenantId: string, adminId: string, password: string): Promise<void> {
  // One transaction: a seed cut short leaves nothing a later run would take for a finished one.
  await knex.transaction((owner) => seed(owner, tenantId, adminId, password));
  // Vacuum too, as autovacuum would have by the time a real tenant holds this much: index-only scans need the visibility map.
  await knex.raw('vacuum analyze');
}

async function seed(owner: Knex.Transaction, tenantId: string, adminId: string, password: string): Promise<void> {
  await owner('core_tenant_module')
    .insert({ tenant_id: tenantId, module_id: 'dispatch', enabled: true, config: '{}' })
    .onConflict(['tenant_id', 'module_id'])
    .merge({ enabled: true });
  const root: { id: string } = await owner('core_unit').where({ tenant_id: tenantId, depth: 0 }).first('id');
  await owner.raw(
    `insert into dispatch_task (tenant_id, id, title, owner_unit_id, deadline, status, light, progress, assignment_count, created_by, created_at, updated_at)
     select ?, gen_random_uuid(), '基准任务' || i, ?, now() + ((i % 150) - 20) * interval '1 day', 'active', 'white', 0, ?, ?, now() - interval '60 days', now()
     from generate_series(1, ?) i`,
    [tenantId, root.id, BENCH_DISPATCH.unitsPerTask, adminId, BENCH_DISPATCH.tasks],
  );
  // Unit (n * 50 + j) mod 220 for the j-th unit of the n-th task: distinct within a task, even across units.
  await owner.raw(
    `with units as (select id, row_number() over (order by id) - 1 as k, count(*) over () as total from core_unit where tenant_id = ? and depth > 0),
          tasks as (select id, deadline, created_at, row_number() over (order by id) - 1 as n from dispatch_task where tenant_id = ?)
     insert into dispatch_assignment (tenant_id, id, task_id, parent_id, path, depth, unit_id, role, deadline, original_deadline, status, progress, light, light_cause, opened_at, completed_at, created_at, updated_at)
     select ?, x.id, x.task_id, null, '/' || x.id || '/', 0, x.unit_id, x.role, x.deadline, x.deadline, x.status,
            case x.status when 'pending' then 0 when 'done' then 100 when 'submitted' then 100 else 10 + (x.h * 7) % 80 end,
            'white', 'not_started', case when x.status <> 'pending' then x.created_at end, case when x.status = 'done' then x.created_at + interval '10 days' end, x.created_at, now()
     from (select gen_random_uuid() as id, t.id as task_id, u.id as unit_id, case when j = 0 then 'lead' else 'co' end as role, t.deadline, t.created_at, (t.n * 7 + j * 13) % 10 as h,
                  (array['done','done','done','open','open','pending','submitted','done','open','done'])[1 + (t.n * 7 + j * 13) % 10] as status
             from tasks t cross join generate_series(0, ? - 1) j join units u on u.k = (t.n * ? + j) % u.total) x`,
    [tenantId, tenantId, tenantId, BENCH_DISPATCH.unitsPerTask, BENCH_DISPATCH.unitsPerTask],
  );
  await owner.raw(
    `insert into dispatch_report (tenant_id, id, task_id, assignment_id, progress, text, status, submitted_by, created_at)
     select a.tenant_id, gen_random_uuid(), a.task_id, a.id, 100, '已完成，请验收', 'submitted', ?, a.created_at + interval '5 days'
     from dispatch_assignment a where a.tenant_id = ? and a.status = 'submitted'`,
    [adminId, tenantId],
  );
  await owner.raw(
    `insert into dispatch_instruction (tenant_id, id, task_id, text, given_by, created_at)
     select t.tenant_id, gen_random_uuid(), t.id, '请抓紧落实', ?, t.created_at + interval '1 day'
     from (select tenant_id, id, created_at, row_number() over (order by id) as n from dispatch_task where tenant_id = ?) t where t.n % 5 = 0`,
    [adminId, tenantId],
  );
  // Most units acknowledged; those with a pending assignment did not.
  await owner.raw(
    `insert into dispatch_instruction_ack (tenant_id, instruction_id, assignment_id, acknowledged_by, created_at)
     select i.tenant_id, i.id, a.id, ?, i.created_at + interval '1 day'
     from dispatch_instruction i join dispatch_assignment a on a.tenant_id = i.tenant_id and a.task_id = i.task_id
     where i.tenant_id = ? and a.status <> 'pending'`,
    [adminId, tenantId],
  );

  const village: { id: string } = await owner('core_unit').where({ tenant_id: tenantId, depth: 2 }).orderBy('id').first('id');
  await owner.raw(
    `insert into dispatch_request (tenant_id, id, from_unit_id, to_unit_id, title, status, created_by, created_at)
     select ?, gen_random_uuid(), u.id, ?, '请求支援' || u.sort, (array['open','responded','rated'])[1 + u.sort % 3], ?, now() - (u.sort || ' hours')::interval
     from core_unit u where u.tenant_id = ? and u.depth > 0 and u.id <> ?`,
    [tenantId, village.id, adminId, tenantId, village.id],
  );
  const personId = uuidv7();
  const roleId = uuidv7();
  const t = { tenant_id: tenantId };
  await owner('core_person').insert({ ...t, id: personId, name: '基准村干部', phone: '13999999999', unit_id: village.id });
  await owner('core_role').insert({ ...t, id: roleId, name: '基准办理人' });
  await owner('core_role_permission').insert([
    { ...t, role_id: roleId, permission: 'dispatch.handle', scope: 'own_unit' },
    { ...t, role_id: roleId, permission: 'dispatch.request', scope: 'own_unit' },
  ]);
  await owner('core_person_role').insert({ ...t, person_id: personId, role_id: roleId });
  await owner('core_user').insert({
    ...t,
    id: uuidv7(),
    username: BENCH_DISPATCH.handler,
    display_name: '基准村干部',
    password_hash: await hashPassword(password),
    person_id: personId,
  });
}

/** Drops what earlier runs' dispatches added, so every run starts from the same 100,000 assignments. */
export async function resetBenchDispatch(owner: Knex, tenantId: string): Promise<void> {
  await owner('dispatch_task').where({ tenant_id: tenantId, title: BENCH_DISPATCH.newTaskTitle }).delete();
  await owner('core_audit_log').where({ tenant_id: tenantId, action: 'dispatch.task.create' }).delete();
  await owner('core_notification').where({ tenant_id: tenantId }).whereLike('kind', 'dispatch.%').delete();
  await owner('core_sms_outbox').where({ tenant_id: tenantId }).delete();
}

/** The body of one dispatch: a task to 50 units (the 20 towns and 30 villages). */
export async function dispatchBody(owner: Knex, tenantId: string): Promise<string> {
  const root: { id: string } = await owner('core_unit').where({ tenant_id: tenantId, depth: 0 }).first('id');
  const units: string[] = await owner('core_unit')
    .where({ tenant_id: tenantId })
    .where('depth', '>', 0)
    .orderBy([{ column: 'depth' }, { column: 'id' }])
    .limit(50)
    .pluck('id');
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
  return JSON.stringify({
    title: BENCH_DISPATCH.newTaskTitle,
    ownerUnitId: root.id,
    deadline,
    assignments: units.map((unitId) => ({ unitId })),
  });
}

export interface RecomputeResult {
  assignments: number;
  changedSeconds: number;
  changed: number;
  changedRate: number;
  steadySeconds: number;
  steadyRate: number;
}

/**
 * The light schedule over the tenant's 100,000 assignments, run as the job runs it (one
 * transaction per 200 tasks, events raised, light changes recorded): first from all-white lights
 * (most change: the heaviest run), then again at the same instant (nothing changes: the usual run).
 */
export async function measureLightRecompute(config: PlatformConfig, tenantId: string): Promise<RecomputeResult> {
  const db = await openDatabase(config);
  const app = await buildApp({ config, db, modules: installedModules });
  try {
    await app.ready();
    const deps = {
      db,
      modules: app.platform.modules,
      enablement: app.platform.enablement,
      retryDelaySeconds: 1,
      files: app.platform.files,
    };
    const context = moduleJobContext(app.jobs, deps, 'dispatch', 'bench', app.notifier);
    await db.owner('dispatch_light_change').where({ tenant_id: tenantId }).delete();
    await db
      .owner('dispatch_assignment')
      .where({ tenant_id: tenantId })
      .update({ light: 'white', light_cause: 'not_started', light_changed_at: null });
    await db.owner('dispatch_task').where({ tenant_id: tenantId }).update({ light: 'white', progress: 0 });
    const [{ n }] = await db.owner('dispatch_assignment').where({ tenant_id: tenantId }).count({ n: '*' });
    const assignments = Number(n);
    const now = new Date();
    let started = performance.now();
    const first = await recomputeTenantLights(context, tenantId, now);
    const changedSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await recomputeTenantLights(context, tenantId, now);
    const steadySeconds = (performance.now() - started) / 1000;
    // The two runs rewrote every assignment. A production server's autovacuum clears that before
    // long; the benchmark's server may run without it (this machine's does), and the dispatch
    // phase would then measure 200,000 dead rows in ten indexes instead of the endpoint.
    await db.owner.raw('vacuum analyze dispatch_assignment, dispatch_task, dispatch_light_change, dispatch_timeline');
    return {
      assignments,
      changedSeconds,
      changed: first.changed,
      changedRate: assignments / changedSeconds,
      steadySeconds,
      steadyRate: assignments / steadySeconds,
    };
  } finally {
    await app.close();
    await db.close();
  }
}
