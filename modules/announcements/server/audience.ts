import type { Knex } from 'knex';
import {
  AppError,
  badRequest,
  escapeLike,
  roleNames,
  unitFacts,
  unitsOutsideScope,
  type DataScope,
  type ErrorDetail,
} from '../../../core/module-kit.ts';
import { ANNOUNCEMENT_ERRORS } from '../schemas/error-codes.ts';
import type { AudienceInput, AudienceKind } from '../schemas/notice.schema.ts';

/** An audience as stored: its kind and the ids of its units or roles. */
export interface Audience {
  kind: AudienceKind;
  ids: string[];
}

/**
 * Checks an audience as sent (at `path`) against the county and the publisher's scope, and gives
 * it as stored. The whole county needs a county-wide grant; units must exist and lie in the scope;
 * roles must exist (their holders are narrowed to the scope when it is published). Nothing of
 * another county can be named: its ids are not found here (RLS).
 */
export async function checkedAudience(trx: Knex.Transaction, input: AudienceInput, scope: DataScope, path: string): Promise<Audience> {
  const misplaced: ErrorDetail[] = [];
  if (input.kind !== 'units' && input.unitIds !== undefined) misplaced.push({ path: `${path}.unitIds`, message: 'is only for kind units' });
  if (input.kind !== 'roles' && input.roleIds !== undefined) misplaced.push({ path: `${path}.roleIds`, message: 'is only for kind roles' });
  if (misplaced.length > 0) throw invalid(misplaced);

  if (input.kind === 'county') {
    if (scope.kind !== 'tenant')
      throw outOfScope('Only a county-wide publisher may address the whole county', [
        { path: `${path}.kind`, message: 'the whole county is outside your scope' },
      ]);
    return { kind: 'county', ids: [] };
  }
  if (input.kind === 'units') {
    const ids = input.unitIds ?? [];
    if (ids.length === 0) throw invalid([{ path: `${path}.unitIds`, message: 'needs at least one unit' }]);
    const known = await unitFacts(trx, ids);
    const unknown = ids.flatMap((id, i) =>
      known.has(id) ? [] : [{ path: `${path}.unitIds[${i}]`, message: 'is no unit of this county' }],
    );
    if (unknown.length > 0) throw invalid(unknown);
    const outside = new Set(await unitsOutsideScope(trx, ids, scope));
    const refused = ids.flatMap((id, i) => (outside.has(id) ? [{ path: `${path}.unitIds[${i}]`, message: 'is outside your scope' }] : []));
    if (refused.length > 0) throw outOfScope('Some units are outside the scope of your publishing grant', refused);
    return { kind: 'units', ids };
  }
  const ids = input.roleIds ?? [];
  if (ids.length === 0) throw invalid([{ path: `${path}.roleIds`, message: 'needs at least one role' }]);
  const known = await roleNames(trx, ids);
  const unknown = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}.roleIds[${i}]`, message: 'is no role of this county' }]));
  if (unknown.length > 0) throw invalid(unknown);
  return { kind: 'roles', ids };
}

/** 403 naming the fields: the grant does not reach that far (nobody addresses more than they hold). */
function outOfScope(message: string, details: ErrorDetail[]) {
  return new AppError(403, ANNOUNCEMENT_ERRORS.AUDIENCE_OUT_OF_SCOPE, message, details);
}

function invalid(details: ErrorDetail[]) {
  return badRequest(ANNOUNCEMENT_ERRORS.AUDIENCE_INVALID, 'The audience has problems', details);
}

/**
 * Writes the recipient rows of a notice in one `insert … select` — the active accounts the
 * audience reaches, each with their unit, narrowed to the publisher's scope — and returns their
 * user ids. A county of 10,000 people is one statement, not a query per person: units by a
 * prefix match of their materialised paths, roles by the role membership index.
 */
export async function writeRecipients(
  trx: Knex.Transaction,
  tenantId: string,
  announcementId: string,
  audience: Audience,
  scope: DataScope,
): Promise<string[]> {
  const conditions: string[] = [];
  const bindings: (string | string[])[] = [tenantId, announcementId, tenantId];
  if (audience.kind === 'units') {
    const paths: string[] = await trx('core_unit').whereIn('id', audience.ids).pluck('path');
    if (paths.length === 0) return [];
    conditions.push('un.path like any(?::text[])');
    bindings.push(paths.map((p) => `${escapeLike(p)}%`));
  } else if (audience.kind === 'roles') {
    conditions.push(
      'exists (select 1 from core_person_role pr where pr.tenant_id = p.tenant_id and pr.person_id = p.id and pr.role_id = any(?::uuid[]))',
    );
    bindings.push(audience.ids);
  }
  if (scope.kind === 'own_unit') {
    conditions.push('p.unit_id = ?');
    bindings.push(scope.unitId);
  } else if (scope.kind === 'unit_subtree') {
    conditions.push('un.path like ?');
    bindings.push(`${escapeLike(scope.unitPath)}%`);
  }
  const { rows } = await trx.raw(
    `insert into announcement_recipient (tenant_id, announcement_id, user_id, unit_id)
     select ?, ?, u.id, p.unit_id
       from core_user u
       left join core_person p on p.tenant_id = u.tenant_id and p.id = u.person_id
       left join core_unit un on un.tenant_id = p.tenant_id and un.id = p.unit_id
      where u.tenant_id = ? and u.status = 'active'${conditions.map((c) => ` and ${c}`).join('')}
     on conflict do nothing
     returning user_id`,
    bindings,
  );
  return (rows as { user_id: string }[]).map((r) => r.user_id);
}
