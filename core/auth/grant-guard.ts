import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { AppError } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';
import type { DataScopeKind } from './auth.types.ts';
import { unitPathInScope, type DataScope } from './permissions.ts';

export interface GrantLike {
  permission: string;
  scope: DataScopeKind;
}

/** A person of the directory with the unit their grants are anchored at. */
interface PlacedPerson {
  id: string;
  unitPath: string;
}

const WIDTH: Record<DataScopeKind, number> = { own_unit: 1, unit_subtree: 2, tenant: 3 };

/**
 * The one rule for every change to accounts, roles, grants, role members and person links:
 * **nobody gives, grants or takes over more than they hold.**
 *
 * - a grant (permission + data scope) may be given only by someone who holds that permission with
 *   a scope at least as wide, reaching every unit the grant will reach once anchored at the
 *   person who receives it;
 * - people and accounts outside the actor's scope of the managing permission are not touched;
 * - an account may be changed, reset or linked only when everything it holds (through its person's
 *   roles) is held by the actor too;
 * - admin status, admins' accounts and admins' passwords: tenant admins only.
 *
 * Tenant admins (who hold everything) and the system (CLI, start-up seed) pass every check. The
 * actor's grants are read once, lazily, in the transaction of the first check. Each check throws a
 * 403 (`PRIVILEGE_EXCEEDED` or `ADMIN_ONLY`) naming the field, before the caller writes anything.
 */
export class GrantGuard {
  private held: Promise<Map<string, DataScope>> | undefined;

  private constructor(private readonly actor: { personId: string | null } | 'all-powerful') {}

  /** The CLI and the start-up seed: the operator's own tools, bound by nothing. */
  static readonly SYSTEM = new GrantGuard('all-powerful');

  static forRequest(request: FastifyRequest): GrantGuard {
    const user = request.user;
    if (user?.isTenantAdmin) return new GrantGuard('all-powerful');
    return new GrantGuard({ personId: user?.personId ?? null });
  }

  /** Tenant admin or system: every check passes. */
  get holdsEverything(): boolean {
    return this.actor === 'all-powerful';
  }

  /** The actor's widest scope of a permission (tenant-wide when holding everything); undefined when not held. */
  async scopeOf(trx: Knex.Transaction, permission: string): Promise<DataScope | undefined> {
    if (this.holdsEverything) return { kind: 'tenant' };
    return (await this.heldScopes(trx)).get(permission);
  }

  requireAdmin(field: string, message: string): void {
    if (!this.holdsEverything) throw new AppError(403, CORE_ERRORS.ADMIN_ONLY, message, [{ path: field, message: 'tenant admins only' }]);
  }

  /**
   * Grants a role will carry: each permission held by the actor with at least as wide a scope
   * (compared at the actor's own unit; members are checked where they stand, see `requireCoveredAt`).
   */
  async requireGrantsWithin(trx: Knex.Transaction, grants: GrantLike[], fieldOf: (index: number) => string): Promise<void> {
    if (this.holdsEverything) return;
    const held = await this.heldScopes(trx);
    const problems = grants.flatMap((grant, i) => {
      const scope = held.get(grant.permission);
      if (scope && WIDTH[grant.scope] <= WIDTH[scope.kind]) return [];
      return [
        {
          path: fieldOf(i),
          message: scope ? `wider than your own scope of "${grant.permission}"` : `you do not hold "${grant.permission}"`,
        },
      ];
    });
    if (problems.length) throw new AppError(403, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'You cannot grant more than you hold', problems);
  }

  /** People (by id) inside the actor's scope of `permission`; a person not found counts as outside. */
  async requirePeopleInScope(
    trx: Knex.Transaction,
    permission: string,
    personIds: string[],
    fieldOf: (personId: string) => string,
  ): Promise<PlacedPerson[]> {
    const people = await placePeople(trx, personIds);
    if (this.holdsEverything) return people;
    const scope = await this.scopeOf(trx, permission);
    const outside = personIds.filter((id) => {
      const person = people.find((p) => p.id === id);
      return !scope || !person || !unitPathInScope(person.unitPath, scope);
    });
    if (outside.length) {
      throw new AppError(
        403,
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        `These people are outside your scope of "${permission}"`,
        outside.map((id) => ({ path: fieldOf(id), message: 'is outside your data scope' })),
      );
    }
    return people;
  }

  /** Every grant, anchored at each person's unit, reaches no further than the actor's own grant of it. */
  async requireCoveredAt(
    trx: Knex.Transaction,
    grants: GrantLike[],
    people: PlacedPerson[],
    fieldOf: (personId: string) => string,
  ): Promise<void> {
    if (this.holdsEverything || grants.length === 0) return;
    const held = await this.heldScopes(trx);
    const problems = people.flatMap((person) => {
      const beyond = grants.filter((g) => !covers(held.get(g.permission), g.scope, person.unitPath));
      return beyond.length
        ? [
            {
              path: fieldOf(person.id),
              message: `would hold more than you: ${beyond.map((g) => `${g.permission} (${g.scope})`).join(', ')}`,
            },
          ]
        : [];
    });
    if (problems.length) throw new AppError(403, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'You cannot give anyone more than you hold', problems);
  }

  /**
   * A person an account is (to be) linked to: inside the actor's `core.users.manage` scope, and
   * holding, through their roles, nothing beyond what the actor holds (the account inherits it).
   */
  async requirePersonLinkable(trx: Knex.Transaction, personId: string, field: string): Promise<void> {
    if (this.holdsEverything) return;
    const [person] = await this.requirePeopleInScope(trx, 'core.users.manage', [personId], () => field);
    await this.requireCoveredAt(trx, await grantsOfPerson(trx, personId), [person], () => field);
  }

  /**
   * Where an account is put: linked to a person (see `requirePersonLinkable`), or to nobody,
   * which places it in the whole tenant (tenant-wide `core.users.manage` needed).
   */
  async requireAccountPlacement(trx: Knex.Transaction, personId: string | null, field: string): Promise<void> {
    if (this.holdsEverything) return;
    if (personId) return this.requirePersonLinkable(trx, personId, field);
    const scope = await this.scopeOf(trx, 'core.users.manage');
    if (scope?.kind !== 'tenant')
      throw new AppError(403, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'An account linked to no person needs tenant-wide core.users.manage', [
        { path: field, message: 'is outside your data scope' },
      ]);
  }

  /**
   * An existing account the actor changes, resets or disables: not an admin's, inside the actor's
   * `core.users.manage` scope (an account with no person belongs to the whole tenant), and holding
   * nothing beyond what the actor holds. A missing account passes (the caller answers 404).
   */
  async requireAccountManageable(trx: Knex.Transaction, userId: string, field: string): Promise<void> {
    if (this.holdsEverything) return;
    const account: { is_tenant_admin: boolean; person_id: string | null } | undefined = await trx('core_user')
      .where({ id: userId })
      .first('is_tenant_admin', 'person_id');
    if (!account) return;
    if (account.is_tenant_admin)
      throw new AppError(403, CORE_ERRORS.ADMIN_ONLY, 'Only a tenant admin may change an admin’s account or password', [
        { path: field, message: 'is a tenant admin' },
      ]);
    await this.requireAccountPlacement(trx, account.person_id, field);
  }

  private heldScopes(trx: Knex.Transaction): Promise<Map<string, DataScope>> {
    this.held ??= loadHeldScopes(trx, this.actor === 'all-powerful' ? null : this.actor.personId);
    return this.held;
  }
}

/** Whether the actor's scope reaches every unit a grant of `kind` anchored at `unitPath` reaches. */
function covers(held: DataScope | undefined, kind: DataScopeKind, unitPath: string): boolean {
  if (!held) return false;
  if (held.kind === 'tenant') return true;
  if (kind === 'tenant') return false;
  if (held.kind === 'unit_subtree') return unitPath.startsWith(held.unitPath);
  return kind === 'own_unit' && unitPath === held.unitPath;
}

/** The widest scope of every permission the person holds through their roles, anchored at their unit. */
async function loadHeldScopes(trx: Knex.Transaction, personId: string | null): Promise<Map<string, DataScope>> {
  const scopes = new Map<string, DataScope>();
  if (!personId) return scopes;
  const [person] = await placePeople(trx, [personId]);
  if (!person) return scopes;
  for (const grant of await grantsOfPerson(trx, personId)) {
    const current = scopes.get(grant.permission);
    if (current && WIDTH[current.kind] >= WIDTH[grant.scope]) continue;
    scopes.set(
      grant.permission,
      grant.scope === 'tenant' ? { kind: 'tenant' } : { kind: grant.scope, unitId: person.unitId, unitPath: person.unitPath },
    );
  }
  return scopes;
}

async function placePeople(trx: Knex.Transaction, personIds: string[]): Promise<(PlacedPerson & { unitId: string })[]> {
  if (personIds.length === 0) return [];
  const rows: { id: string; unit_id: string; unit_path: string }[] = await trx('core_person as p')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
    })
    .whereIn('p.id', personIds)
    .select('p.id', 'u.id as unit_id', 'u.path as unit_path');
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitPath: r.unit_path }));
}

/** Every grant of every role the person holds. */
export async function grantsOfPerson(trx: Knex.Transaction, personId: string): Promise<GrantLike[]> {
  return trx('core_role_permission as rp')
    .join('core_person_role as pr', function joinRole() {
      this.on('pr.tenant_id', 'rp.tenant_id').andOn('pr.role_id', 'rp.role_id');
    })
    .where('pr.person_id', personId)
    .select('rp.permission', 'rp.scope');
}
