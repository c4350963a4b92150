import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { setTenantSql } from '../../core/db/tenant-context-sql.ts';

export interface LoopResult {
  requests: number;
  seconds: number;
  rate: number;
  p99: number;
}

export interface BareSqlContext {
  runtimeUrl: string;
  tenantId: string;
  unitId: string;
  userId: string;
}

type Work = (client: pg.PoolClient, context: BareSqlContext) => Promise<void>;

/**
 * The same database work the API does per request, with nothing else around it: a plain `pg`
 * pool, `connections` loops for `seconds`, each iteration one transaction of the route's
 * statements. This is the ceiling the API's rate is compared with. The session lookup is left
 * out on both sides' account: the API answers it from its per-node session cache.
 */
export async function runBareSql(context: BareSqlContext, work: Work, connections: number, seconds: number): Promise<LoopResult> {
  const pool = new pg.Pool({ connectionString: context.runtimeUrl, max: connections });
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  const loop = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < deadline) {
        const started = performance.now();
        // As the API does on PostgreSQL: BEGIN and the tenant context in one round trip.
        await client.query(`begin; ${setTenantSql(context.tenantId)}`);
        await work(client, context);
        await client.query('commit');
        latencies.push(performance.now() - started);
      }
    } finally {
      client.release();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (Date.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: elapsed,
    rate: latencies.length / elapsed,
    p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
  };
}

/** The people list's query, as the org person service builds it. */
const SELECT_PEOPLE = `select p.id, p.name, p.phone, p.unit_id, u.name as unit_name, p.position_id, pos.name as position_name, p.sort, p.created_at, p.updated_at
  from core_person p join core_unit u on u.tenant_id = p.tenant_id and u.id = p.unit_id
  left join core_position pos on pos.tenant_id = p.tenant_id and pos.id = p.position_id`;

export const listPeopleWork: Work = async (client) => {
  await client.query(`${SELECT_PEOPLE} order by p.name, p.id limit 21`);
};

let phone = 0;
/** As createPerson does: unit in scope, phone free, insert, audit, read back. */
export const createPersonWork: Work = async (client, context) => {
  const id = uuidv7();
  const number = `17${String(++phone).padStart(9, '0')}`;
  await client.query(`select id, path from core_unit where id = $1 limit 1`, [context.unitId]);
  await client.query(`select id from core_person where phone = $1 limit 1`, [number]);
  await client.query(
    `insert into core_person (tenant_id, id, name, phone, unit_id, position_id, sort) values ($1, $2, $3, $4, $5, null, 0)`,
    [context.tenantId, id, BENCH_NEW_PERSON, number, context.unitId],
  );
  await client.query(
    `insert into core_audit_log (tenant_id, id, actor_user_id, action, record_type, record_id, data) values ($1, $2, $3, 'org.person.create', 'person', $4, $5)`,
    [
      context.tenantId,
      uuidv7(),
      context.userId,
      id,
      JSON.stringify({ name: BENCH_NEW_PERSON, phone: number, unitId: context.unitId, positionId: null }),
    ],
  );
  await client.query(`${SELECT_PEOPLE} where p.id = $1 limit 1`, [id]);
};

export const BENCH_NEW_PERSON = '基准新人';
