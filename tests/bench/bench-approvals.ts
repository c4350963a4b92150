import type autocannon from 'autocannon';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../core/auth/password.ts';
import { BENCH } from './bench-seed.ts';

/**
 * Approvals in the benchmark tenant: 100,000 requests of one type (a form of the forms phases,
 * one step decided by named people) over the past year — 80 % approved, the rest waiting — with
 * their steps, tasks and history. The measured approver (a town head) has 3,000 tasks waiting and
 * has decided 20,000; the other waiting tasks belong to 500 other accounts.
 */
export const BENCH_APPROVALS = {
  requests: 100_000,
  approver: 'bench-approver',
  waitingForApprover: 3_000,
  typeName: '基准请假',
};

export async function seedBenchApprovals(knex: Knex, tenantId: string, formId: string, password: string): Promise<void> {
  await knex.transaction((owner) => seed(owner, tenantId, formId, password));
  await knex.raw('vacuum analyze');
}

async function seed(owner: Knex.Transaction, tenantId: string, formId: string, password: string): Promise<void> {
  const t = { tenant_id: tenantId };
  await owner('core_tenant_module')
    .insert([
      { ...t, module_id: 'approvals', enabled: true, config: '{}' },
      { ...t, module_id: 'forms', enabled: true, config: '{}' },
    ])
    .onConflict(['tenant_id', 'module_id'])
    .merge({ enabled: true });
  const unit: { id: string } = await owner('core_unit').where({ tenant_id: tenantId, depth: 1 }).orderBy('id').first('id');
  const personId = uuidv7();
  const approverId = uuidv7();
  await owner('core_person').insert({ ...t, id: personId, name: '基准审批人', phone: '13999990001', unit_id: unit.id });
  await owner('core_user').insert({
    ...t,
    id: approverId,
    username: BENCH_APPROVALS.approver,
    display_name: '基准审批人',
    password_hash: await hashPassword(password),
    person_id: personId,
  });
  const typeId = uuidv7();
  const flow = { nodes: [{ id: 'head', kind: 'approve', name: '负责人审批', approvers: [{ kind: 'users', userIds: [approverId] }] }] };
  await owner('approval_type').insert({ ...t, id: typeId, name: BENCH_APPROVALS.typeName, form_id: formId, current_version: 1 });
  await owner('approval_flow_version').insert({ ...t, type_id: typeId, version: 1, form_version: 1, flow: JSON.stringify(flow) });
  // Applicants: the tenant's accounts; approvers of the others' waiting tasks: 500 of them.
  await owner.raw(
    `with accounts as (select id, row_number() over (order by id) - 1 as k, count(*) over () as total from core_user where tenant_id = :tenant and id <> :approver),
          r as (
            select gen_random_uuid() as id, i, (select id from accounts where k = i % (select count(*) from accounts)) as applicant,
                   case when i % 5 = 0 then 'pending' else 'approved' end as status,
                   now() - ((i % 365) || ' days')::interval - ((i % 1440) || ' minutes')::interval as at
            from generate_series(1, :n) i)
     insert into approval_request (tenant_id, id, type_id, flow_version, title, data, applicant_user_id, status, submitted_at, finished_at, created_at, updated_at)
     select :tenant, r.id, :type, 1, '基准申请' || r.i, '{"reason":"基准"}'::jsonb, r.applicant, r.status, r.at, case when r.status = 'approved' then r.at + interval '1 day' end, r.at, r.at from r`,
    { tenant: tenantId, approver: approverId, n: BENCH_APPROVALS.requests, type: typeId },
  );
  await owner.raw(
    `insert into approval_step (tenant_id, id, request_id, node_id, seq, kind, name, mode, after, status, started_at, finished_at)
     select tenant_id, gen_random_uuid(), id, 'head', 0, 'approve', '负责人审批', 'any', '[]', case when status = 'pending' then 'active' else 'approved' end, submitted_at, finished_at
     from approval_request where tenant_id = :tenant`,
    { tenant: tenantId },
  );
  // The approver's share: the newest pending requests up to BENCH_APPROVALS.waitingForApprover, and every fourth approved one.
  await owner.raw(
    `with others as (select id, row_number() over (order by id) - 1 as k from core_user where tenant_id = :tenant and id <> :approver limit 500),
          s as (select s.id as step_id, s.request_id, s.status, r.submitted_at, r.finished_at,
                       row_number() over (partition by s.status order by r.submitted_at desc) as n
                from approval_step s join approval_request r on r.tenant_id = s.tenant_id and r.id = s.request_id where s.tenant_id = :tenant)
     insert into approval_task (tenant_id, id, request_id, step_id, chain, position, approver_user_id, status, decided_by, decided_at, created_at)
     select :tenant, gen_random_uuid(), s.request_id, s.step_id, 0, 0,
            case when (s.status = 'active' and s.n <= :waiting) or (s.status = 'approved' and s.n % 4 = 0) then :approver
                 else (select id from others where k = s.n % 500) end,
            case when s.status = 'active' then 'waiting' else 'approved' end,
            case when s.status = 'approved' then case when s.n % 4 = 0 then cast(:approver as uuid) else (select id from others where k = s.n % 500) end end,
            s.finished_at, s.submitted_at
     from s`,
    { tenant: tenantId, approver: approverId, waiting: BENCH_APPROVALS.waitingForApprover },
  );
  await owner.raw(
    `insert into approval_event (tenant_id, id, request_id, kind, actor_user_id, created_at)
     select tenant_id, gen_random_uuid(), id, 'submitted', applicant_user_id, submitted_at from approval_request where tenant_id = :tenant`,
    { tenant: tenantId },
  );
}

/** The approver's waiting tasks, newest first: what the decision phase decides, one each. */
export async function waitingTaskIds(owner: Knex, tenantId: string): Promise<string[]> {
  const approver: { id: string } = await owner('core_user').where({ tenant_id: tenantId, username: BENCH_APPROVALS.approver }).first('id');
  return owner('approval_task')
    .where({ tenant_id: tenantId, approver_user_id: approver.id, status: 'waiting' })
    .orderBy('created_at', 'desc')
    .pluck('id');
}

/**
 * The approvals phases: "waiting for me" of the approver at 100,000 requests (one user, the
 * target; then 20 connections), and decisions — each request approving another waiting task —
 * at 4 connections. Decided tasks are put back to waiting afterwards, so every run starts alike.
 */
export async function approvalPhases(o: {
  base: string;
  owner: Knex;
  tenantId: string;
  load: (options: autocannon.Options) => Promise<autocannon.Result>;
}) {
  const api = `${o.base}/api/t/${BENCH.bigTenantSlug}/approvals`;
  const login = await fetch(`${o.base}/api/t/${BENCH.bigTenantSlug}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: BENCH_APPROVALS.approver, password: BENCH.adminPassword }),
  });
  if (!login.ok) throw new Error(`sign-in as ${BENCH_APPROVALS.approver}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const waitingOne = latencyOf(await o.load({ url: `${api}/requests?box=waiting&limit=20`, headers: { cookie }, connections: 1 }));
  const waiting = latencyOf(await o.load({ url: `${api}/requests?box=waiting&limit=20`, headers: { cookie } }));

  const tasks = await waitingTaskIds(o.owner, o.tenantId);
  let next = 0;
  const decided = await o.load({
    url: `${api}/tasks/batch-approve`,
    connections: 4,
    amount: tasks.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: `/api/t/${BENCH.bigTenantSlug}/approvals/tasks/${tasks[next++ % tasks.length]}/decision`,
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'approve', comment: '同意' }),
        }),
      },
    ],
  });
  const decisions = latencyOf(decided);
  await resetBenchApprovals(o.owner, o.tenantId);
  return { waitingOne, waiting, decisions };
}

/** Puts what the decision phase decided back as it was seeded. */
export async function resetBenchApprovals(owner: Knex, tenantId: string): Promise<void> {
  const approver: { id: string } | undefined = await owner('core_user')
    .where({ tenant_id: tenantId, username: BENCH_APPROVALS.approver })
    .first('id');
  if (!approver) return;
  const decided = owner('approval_task')
    .where({ tenant_id: tenantId, approver_user_id: approver.id, status: 'approved' })
    .whereRaw("comment = '同意'");
  const requestIds = await decided.clone().pluck('request_id');
  if (requestIds.length === 0) return;
  await owner('approval_event').where({ tenant_id: tenantId }).whereIn('request_id', requestIds).whereNot('kind', 'submitted').delete();
  await owner('approval_task')
    .where({ tenant_id: tenantId })
    .whereIn('request_id', requestIds)
    .update({ status: 'waiting', decided_by: null, decided_at: null, comment: '' });
  await owner('approval_step')
    .where({ tenant_id: tenantId })
    .whereIn('request_id', requestIds)
    .update({ status: 'active', finished_at: null });
  await owner('approval_request').where({ tenant_id: tenantId }).whereIn('id', requestIds).update({ status: 'pending', finished_at: null });
  await owner('core_notification').where({ tenant_id: tenantId }).whereLike('kind', 'approvals.%').delete();
  await owner.raw('vacuum analyze approval_task, approval_step, approval_request, approval_event');
}

function latencyOf(result: autocannon.Result) {
  return {
    rps: Math.round(result.requests.total / Math.max(result.duration, 0.001)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

export function printApprovals(a: Awaited<ReturnType<typeof approvalPhases>>): void {
  const cells = (r: ReturnType<typeof latencyOf>) => ({ 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, errors: r.errors });
  console.table({
    [`waiting for me, ${BENCH_APPROVALS.requests} requests (GET, 1 conn.)`]: cells(a.waitingOne),
    'waiting for me (GET, 20 conn.)': cells(a.waiting),
    'decide a task (POST approve, 4 conn.)': cells(a.decisions),
  });
  console.log(`targets: waiting for me p99 < 25 ms (${a.waitingOne.p99} ms); decisions ≥ 50/s (${a.decisions.rps}/s)`);
}
