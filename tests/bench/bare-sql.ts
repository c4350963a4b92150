import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { createHash } from 'node:crypto';

/** The people list's query, as the API's person service builds it. */
const SELECT_PEOPLE = `select p.id, p.name, p.phone, p.unit_id, u.name as unit_name, p.position_id, pos.name as position_name, p.sort, p.created_at, p.updated_at
  from core_person p join core_unit u on u.tenant_id = p.tenant_id and u.id = p.unit_id
  left join core_position pos on pos.tenant_id = p.tenant_id and pos.id = p.position_id`;

export interface LoopResult {
  requests: number;
  seconds: number;
  rate: number;
}

export interface BareSqlContext {
  runtimeUrl: string;
  runtimeRole: string;
  tenantId: string;
  sessionToken: string;
  unitId: string;
  userId: string;
}

/**
 * The same database work the API does per request, with nothing else: a plain `pg` pool of the
 * same size, `connections` loops for `seconds`. BEGIN with the tenant context; session lookup;
 * the queries of the route; COMMIT. This is the ceiling the API's rate is compared with.
 */
export async function runBareSql(context: BareSqlContext, kind: 'list' | 'create', connections: number, seconds: number): Promise<LoopResult> {
  const pool = new pg.Pool({ connectionString: context.runtimeUrl, max: connections });
  const sessionId = createHash('sha256').update(context.sessionToken.split('.')[1]).digest('base64url');
  const deadline = Date.now() + seconds * 1000;
  let requests = 0;
  let phone = 0;
  const loop = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < deadline) {
        // As the API does on PostgreSQL: BEGIN and the tenant context in one round trip.
        await client.query(`begin; select set_config('app.tenant_id', '${context.tenantId}', true)`);
        await client.query(
          `select u.id from core_session s join core_user u on u.tenant_id = s.tenant_id and u.id = s.user_id where s.id = $1 and s.expires_at > now() and u.status = 'active' limit 1`,
          [sessionId],
        );
        if (kind === 'list') {
          await client.query(`${SELECT_PEOPLE} order by p.name, p.id limit 21`);
        } else {
          // As createPerson does: unit in scope, phone free, insert, audit, read back.
          const id = uuidv7();
          const number = `17${String(++phone).padStart(9, '0')}`;
          await client.query(`select id, path from core_unit where id = $1 limit 1`, [context.unitId]);
          await client.query(`select id from core_person where phone = $1 limit 1`, [number]);
          await client.query(`insert into core_person (tenant_id, id, name, phone, unit_id, position_id, sort) values ($1, $2, $3, $4, $5, null, 0)`, [context.tenantId, id, '基准新人', number, context.unitId]);
          await client.query(`insert into core_audit_log (tenant_id, id, actor_user_id, action, record_type, record_id, data) values ($1, $2, $3, 'org.person.create', 'person', $4, $5)`, [context.tenantId, uuidv7(), context.userId, id, JSON.stringify({ name: '基准新人', phone: number, unitId: context.unitId, positionId: null })]);
          await client.query(`${SELECT_PEOPLE} where p.id = $1 limit 1`, [id]);
        }
        await client.query('commit');
        requests += 1;
      }
    } finally {
      client.release();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (Date.now() - started) / 1000;
  await pool.end();
  return { requests, seconds: elapsed, rate: requests / elapsed };
}
