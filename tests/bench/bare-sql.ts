import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { createHash } from 'node:crypto';

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
 * same size, `connections` loops for `seconds`. BEGIN; tenant context; session lookup; the
 * query; COMMIT. This is the ceiling the API's rate is compared with.
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
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', $1, true)`, [context.tenantId]);
        await client.query(
          `select u.id from core_session s join core_user u on u.tenant_id = s.tenant_id and u.id = s.user_id where s.id = $1 and s.expires_at > now() and u.status = 'active' limit 1`,
          [sessionId],
        );
        if (kind === 'list') {
          await client.query(`select id, name, phone, unit_id, position_id, sort from core_person order by name, id limit 21`);
        } else {
          const id = uuidv7();
          await client.query(`insert into core_person (tenant_id, id, name, phone, unit_id) values ($1, $2, $3, $4, $5)`, [context.tenantId, id, '基准新人', `17${String(++phone).padStart(9, '0')}`, context.unitId]);
          await client.query(`insert into core_audit_log (tenant_id, id, actor_user_id, action, record_type, record_id, data) values ($1, $2, $3, 'org.person.create', 'person', $4, $5)`, [context.tenantId, uuidv7(), context.userId, id, '{}']);
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
