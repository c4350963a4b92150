import { uuidv7 } from 'uuidv7';
import { auditTenant, type TenantContext } from './tenant-context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { DataScopeKind } from './auth.types.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface Grant {
  permission: string;
  scope: DataScopeKind;
}

export interface RoleInput {
  name: string;
  description?: string;
  grants: Grant[];
}

/** Roles, their grants (permission + data scope) and who holds them, for the context's tenant. */
export class RoleService {
  constructor(private readonly ctx: TenantContext) {}

  private get db() {
    return this.ctx.trx;
  }

  async list() {
    const roles = await this.db('core_role').select('id', 'name', 'description').orderBy('name');
    const grants: ({ role_id: string } & Grant)[] = await this.db('core_role_permission')
      .select('role_id', 'permission', 'scope')
      .orderBy('permission');
    const counts: { role_id: string; count: number }[] = await this.db('core_person_role')
      .select('role_id')
      .count('* as count')
      .groupBy('role_id');
    return roles.map((role) =>
      this.view(
        role,
        grants.filter((g) => g.role_id === role.id),
        counts.find((c) => c.role_id === role.id)?.count ?? 0,
      ),
    );
  }

  async get(id: string) {
    const role = await this.db('core_role').where({ id }).first('id', 'name', 'description');
    if (!role) throw notFound(CORE_ERRORS.ROLE_NOT_FOUND, 'No such role');
    const grants = await this.db('core_role_permission').where({ role_id: id }).select('permission', 'scope').orderBy('permission');
    const [{ count }] = await this.db('core_person_role').where({ role_id: id }).count('* as count');
    return this.view(role, grants, Number(count));
  }

  async create(input: RoleInput) {
    this.checkGrants(input.grants);
    await this.ctx.guard.requireGrantsWithin(this.db, input.grants, (i) => `body.grants[${i}]`);
    const id = uuidv7();
    await this.db('core_role').insert({ tenant_id: this.ctx.tenantId, id, name: input.name, description: input.description ?? '' });
    await this.replaceGrants(id, input.grants);
    await auditTenant(this.ctx, {
      action: 'roles.create',
      recordType: 'role',
      recordId: id,
      data: { name: input.name, grants: input.grants },
    });
    return this.get(id);
  }

  async update(id: string, input: RoleInput) {
    this.checkGrants(input.grants);
    const members = await this.requireManageable(id);
    await this.ctx.guard.requireGrantsWithin(this.db, input.grants, (i) => `body.grants[${i}]`);
    // The new grants reach each member where they stand.
    await this.ctx.guard.requireCoveredAt(this.db, input.grants, members, () => 'body.grants');
    const updated = await this.db('core_role')
      .where({ id })
      .update({ name: input.name, description: input.description ?? '' });
    if (updated === 0) throw notFound(CORE_ERRORS.ROLE_NOT_FOUND, 'No such role');
    await this.replaceGrants(id, input.grants);
    await auditTenant(this.ctx, {
      action: 'roles.update',
      recordType: 'role',
      recordId: id,
      data: { name: input.name, grants: input.grants },
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.requireManageable(id);
    const deleted = await this.db('core_role').where({ id }).delete();
    if (deleted === 0) throw notFound(CORE_ERRORS.ROLE_NOT_FOUND, 'No such role');
    await auditTenant(this.ctx, { action: 'roles.delete', recordType: 'role', recordId: id });
  }

  async members(id: string) {
    await this.get(id);
    const rows = await this.db('core_person_role as pr')
      .join('core_person as p', function joinPerson() {
        this.on('p.tenant_id', 'pr.tenant_id').andOn('p.id', 'pr.person_id');
      })
      .where('pr.role_id', id)
      .select('p.id', 'p.name', 'p.phone', 'p.unit_id')
      .orderBy('p.name');
    return rows.map((r) => ({ personId: r.id, name: r.name, phone: r.phone, unitId: r.unit_id }));
  }

  async setMembers(id: string, personIds: string[]) {
    await this.get(id);
    const found = personIds.length ? await this.db('core_person').whereIn('id', personIds).pluck('id') : [];
    const missing = personIds.filter((p) => !found.includes(p));
    if (missing.length) {
      throw badRequest(
        CORE_ERRORS.ROLE_MEMBER_UNKNOWN,
        'Some people do not exist',
        missing.map((p) => ({ path: `body.personIds[${personIds.indexOf(p)}]`, message: 'no such person' })),
      );
    }
    await this.requireMembershipChange(id, personIds);
    await this.db('core_person_role').where({ role_id: id }).delete();
    if (personIds.length) {
      await this.db('core_person_role').insert(
        personIds.map((personId) => ({ tenant_id: this.ctx.tenantId, person_id: personId, role_id: id })),
      );
    }
    await auditTenant(this.ctx, { action: 'roles.members.set', recordType: 'role', recordId: id, data: { personIds } });
    return this.members(id);
  }

  /**
   * A role the actor may change or delete: it grants nothing beyond what the actor holds and all
   * its members are inside the actor's `core.roles.manage` scope. Returns the members, placed.
   */
  private async requireManageable(id: string) {
    const guard = this.ctx.guard;
    if (guard.holdsEverything) return [];
    const grants: Grant[] = await this.db('core_role_permission').where({ role_id: id }).select('permission', 'scope');
    await guard.requireGrantsWithin(this.db, grants, () => 'params.id');
    const memberIds: string[] = await this.db('core_person_role').where({ role_id: id }).pluck('person_id');
    return guard.requirePeopleInScope(this.db, 'core.roles.manage', memberIds, () => 'params.id');
  }

  /**
   * Who joins or leaves: inside the actor's `core.roles.manage` scope; and who joins receives,
   * at their unit, nothing beyond what the actor holds.
   */
  private async requireMembershipChange(id: string, personIds: string[]): Promise<void> {
    const guard = this.ctx.guard;
    if (guard.holdsEverything) return;
    const grants: Grant[] = await this.db('core_role_permission').where({ role_id: id }).select('permission', 'scope');
    await guard.requireGrantsWithin(this.db, grants, () => 'params.id');
    const current: string[] = await this.db('core_person_role').where({ role_id: id }).pluck('person_id');
    const added = personIds.filter((p) => !current.includes(p));
    const removed = current.filter((p) => !personIds.includes(p));
    const field = (personId: string) =>
      personIds.includes(personId) ? `body.personIds[${personIds.indexOf(personId)}]` : 'body.personIds';
    const people = await guard.requirePeopleInScope(this.db, 'core.roles.manage', [...added, ...removed], field);
    await guard.requireCoveredAt(
      this.db,
      grants,
      people.filter((p) => added.includes(p.id)),
      field,
    );
  }

  private checkGrants(grants: Grant[]): void {
    const known = new Set(this.ctx.registry.allPermissions().map((p) => p.id));
    const problems = grants.flatMap((g, i) =>
      known.has(g.permission) ? [] : [{ path: `body.grants[${i}].permission`, message: `unknown permission "${g.permission}"` }],
    );
    const seen = new Set<string>();
    grants.forEach((g, i) => {
      if (seen.has(g.permission)) problems.push({ path: `body.grants[${i}].permission`, message: 'is granted twice' });
      seen.add(g.permission);
    });
    if (problems.length) throw badRequest(CORE_ERRORS.ROLE_GRANT_INVALID, 'Some grants are invalid', problems);
  }

  private async replaceGrants(roleId: string, grants: Grant[]): Promise<void> {
    await this.db('core_role_permission').where({ role_id: roleId }).delete();
    if (grants.length) {
      await this.db('core_role_permission').insert(
        grants.map((g) => ({ tenant_id: this.ctx.tenantId, role_id: roleId, permission: g.permission, scope: g.scope })),
      );
    }
  }

  private view(role: { id: string; name: string; description: string }, grants: Grant[], memberCount: number) {
    return {
      id: role.id,
      name: role.name,
      description: role.description,
      grants: grants.map((g) => ({ permission: g.permission, scope: g.scope })),
      memberCount,
    };
  }
}
