import { beforeAll, describe, expect, it } from 'vitest';
import { checkStatement, loadSqlParser } from './tenant-sql-rules.ts';

const tenantTables = new Set(['core_unit', 'core_person', 'core_user', 'forms_submission']);
const problems = (sql: string) => checkStatement(sql, tenantTables).map((v) => v.rule);

beforeAll(loadSqlParser);

describe('the Citus statement rules: what a module may send to a tenant table', () => {
  it('accepts a lookup by id that names its tenant, and refuses one that does not', () => {
    expect(problems('select * from core_unit where tenant_id = $1 and id = $2 for update')).toEqual([]);
    expect(problems('select * from core_unit where id = $1 for update')).toEqual(['tenant-not-constrained']);
  });

  it('accepts updates and deletes by tenant, refuses them by id alone', () => {
    expect(problems('update core_user set failed_logins = failed_logins + 1 where tenant_id = $1 and id = $2')).toEqual([]);
    expect(problems('delete from core_person where id = any($1)')).toEqual(['tenant-not-constrained']);
  });

  it('requires joined tenant tables to share the tenant: by the join or each by value', () => {
    expect(
      problems('select * from core_person p join core_unit u on u.id = p.unit_id and u.tenant_id = p.tenant_id where p.tenant_id = $1'),
    ).toEqual([]);
    expect(
      problems('select * from core_person p join core_unit u on u.id = p.unit_id where p.tenant_id = $1 and u.tenant_id = $1'),
    ).toEqual([]);
    expect(problems('select * from core_person p join core_unit u on u.id = p.unit_id where p.tenant_id = $1')).toEqual([
      'tenant-not-constrained',
    ]);
  });

  it('follows correlated sub-queries to their outer table', () => {
    expect(
      problems(
        'select u.id, (select count(*) from core_person p where p.unit_id = u.id and p.tenant_id = u.tenant_id) from core_unit u where u.tenant_id = $1',
      ),
    ).toEqual([]);
    expect(
      problems('select u.id, (select count(*) from core_person p where p.unit_id = u.id) from core_unit u where u.tenant_id = $1'),
    ).toEqual(['tenant-not-constrained']);
    expect(
      problems('select * from core_unit u where u.tenant_id = $1 and exists (select 1 from core_person p where p.unit_id = u.id)'),
    ).toEqual(['tenant-not-constrained']);
  });

  it('follows a LATERAL sub-query to the table its level constrains', () => {
    const lateral = (condition: string) =>
      `select u.id, p.name from core_unit u left join lateral (select name from core_person p where ${condition} limit 1) p on true where u.tenant_id = $1`;
    expect(problems(lateral('p.tenant_id = u.tenant_id and p.unit_id = u.id'))).toEqual([]);
    expect(problems(lateral('p.unit_id = u.id'))).toEqual(['tenant-not-constrained']);
  });

  it('judges common table expressions and derived tables on their own', () => {
    expect(
      problems(
        'with recursive t as (select id from core_unit where tenant_id = $1 and id = $2 union all select c.id from core_unit c join t on c.parent_id = t.id where c.tenant_id = $1) select * from t',
      ),
    ).toEqual([]);
    expect(problems('select * from (select id from core_unit) x')).toEqual(['tenant-not-constrained']);
  });

  it('leaves inserts, platform tables and the job queue alone', () => {
    expect(problems('insert into core_unit (tenant_id, id, name) values ($1, $2, $3)')).toEqual([]);
    expect(problems('select * from core_tenant where slug = $1')).toEqual([]);
    expect(problems('select * from pgboss.job where name = $1')).toEqual([]);
    expect(problems("set local app.tenant_id = ''")).toEqual([]);
  });

  it('refuses now() inside an upsert or a coalesce of a modification, not in a plain insert or a read', () => {
    expect(
      problems('insert into core_unit (tenant_id, id) values ($1, $2) on conflict (tenant_id, id) do update set updated_at = now()'),
    ).toEqual(['now-in-modification']);
    expect(problems('update core_user set seen_at = coalesce(seen_at, now()) where tenant_id = $1 and id = $2')).toEqual([
      'now-in-modification',
    ]);
    expect(problems('update core_user set seen_at = now() where tenant_id = $1 and id = $2')).toEqual([]);
    expect(problems('select coalesce(max(created_at), now()) from core_user where tenant_id = $1')).toEqual([]);
  });
});
