import { uuidv7 } from 'uuidv7';
import { auditTenant, type TenantContext } from './tenant-context.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { hashPassword } from './password.ts';
import { containsPattern } from '../db/like.ts';
import { whereInScope } from './permissions.ts';
import { clearSignInFailures, userAccountKey, userAccountKeySql } from './lockout.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

const COLUMNS = ['id', 'username', 'display_name', 'phone', 'person_id', 'is_tenant_admin', 'status', 'must_change_password', 'created_at'];
/** Locked out from some address, or everywhere (core/auth/lockout.ts); `core_user` must be the query's table. */
export const LOCKED_SQL = `exists (select 1 from core_sign_in_failure f where f.tenant_id = core_user.tenant_id and f.account_key = ${userAccountKeySql('core_user.id')} and f.locked_until > now()) as locked`;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  person_id: string | null;
  is_tenant_admin: boolean;
  status: 'active' | 'disabled';
  must_change_password: boolean;
  locked: boolean;
  created_at: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  phone?: string;
  personId?: string;
  password: string;
  isTenantAdmin?: boolean;
  mustChangePassword?: boolean;
}

export interface UserChange {
  displayName?: string;
  phone?: string | null;
  personId?: string | null;
  isTenantAdmin?: boolean;
  status?: 'active' | 'disabled';
}

/** Tenant accounts, managed by an admin. Passwords are only ever stored hashed. */
export class UserService {
  constructor(private readonly ctx: TenantContext) {}

  private get db() {
    return this.ctx.trx;
  }

  async list(options: { limit: number; cursor?: string; q?: string }) {
    const query = this.db('core_user')
      .select([...COLUMNS, this.db.raw(LOCKED_SQL)])
      .orderBy('username')
      .limit(options.limit + 1);
    if (options.cursor) query.where('username', '>', options.cursor);
    if (options.q) {
      const like = containsPattern(options.q);
      query.where((q) => q.whereILike('username', like).orWhereILike('display_name', like).orWhereILike('phone', like));
    }
    // Accounts of people inside the manager's scope; accounts linked to nobody belong to the whole tenant.
    const scope = await this.ctx.guard.scopeOf(this.db, 'core.users.manage');
    if (scope && scope.kind !== 'tenant')
      query.whereIn('person_id', whereInScope(this.db('core_person').select('id'), 'unit_id', scope, this.db));
    const rows: UserRow[] = await query;
    const page = rows.slice(0, options.limit);
    return { items: page.map(toView), nextCursor: rows.length > options.limit ? page[page.length - 1].username : null };
  }

  async create(input: NewUser) {
    if (input.isTenantAdmin) this.ctx.guard.requireAdmin('body.isTenantAdmin', 'Only a tenant admin may create an admin');
    await this.ctx.guard.requireAccountPlacement(this.db, input.personId ?? null, 'body.personId');
    const id = uuidv7();
    const [row] = await this.db('core_user')
      .insert({
        tenant_id: this.ctx.tenantId,
        id,
        username: input.username,
        display_name: input.displayName,
        phone: input.phone ?? null,
        person_id: input.personId ?? null,
        password_hash: await hashPassword(input.password),
        is_tenant_admin: input.isTenantAdmin ?? false,
        must_change_password: input.mustChangePassword ?? true,
      })
      .returning(COLUMNS);
    row.locked = false;
    await auditTenant(this.ctx, {
      action: 'users.create',
      recordType: 'user',
      recordId: id,
      data: { username: input.username, isTenantAdmin: input.isTenantAdmin ?? false },
    });
    return toView(row);
  }

  async update(id: string, change: UserChange) {
    if (id === this.ctx.actorUserId && (change.status === 'disabled' || change.isTenantAdmin === false)) {
      throw badRequest(CORE_ERRORS.USER_SELF_LOCKOUT, 'You cannot disable yourself or remove your own admin rights', [
        { path: change.status ? 'body.status' : 'body.isTenantAdmin', message: 'would lock you out' },
      ]);
    }
    await this.ctx.guard.requireAccountManageable(this.db, id, 'params.id');
    if (change.isTenantAdmin !== undefined)
      this.ctx.guard.requireAdmin('body.isTenantAdmin', 'Only a tenant admin may give or take admin status');
    if (change.personId !== undefined) await this.ctx.guard.requireAccountPlacement(this.db, change.personId, 'body.personId');
    const patch: Record<string, unknown> = { updated_at: this.db.fn.now() };
    if (change.displayName !== undefined) patch.display_name = change.displayName;
    if (change.phone !== undefined) patch.phone = change.phone;
    if (change.personId !== undefined) patch.person_id = change.personId;
    if (change.isTenantAdmin !== undefined) patch.is_tenant_admin = change.isTenantAdmin;
    if (change.status !== undefined) patch.status = change.status;
    const [row] = await this.db('core_user').where({ id }).update(patch).returning(COLUMNS);
    if (!row) throw notFound(CORE_ERRORS.USER_NOT_FOUND, 'No such user');
    if (change.status === 'disabled') await this.db('core_session').where({ user_id: id }).delete();
    this.forgetSessions(id);
    await auditTenant(this.ctx, { action: 'users.update', recordType: 'user', recordId: id, data: { ...change } });
    return toView({ ...row, locked: await this.isLocked(id) });
  }

  private async isLocked(id: string): Promise<boolean> {
    const row: { locked: boolean } = await this.db('core_user').where({ id }).first(this.db.raw(LOCKED_SQL));
    return row.locked;
  }

  /** Cached sessions of the user go once the change is committed. */
  private forgetSessions(userId: string): void {
    this.ctx.caches.userChanged(userId);
  }

  /**
   * A new password the user must change at next sign-in; also unlocks the account. `auditNote`
   * adds who else acted to the entry, e.g. the platform operator who reset a county's admin.
   */
  async resetPassword(id: string, newPassword: string, auditNote?: Record<string, unknown>) {
    await this.ctx.guard.requireAccountManageable(this.db, id, 'params.id');
    const [row] = await this.db('core_user')
      .where({ id })
      .update({ password_hash: await hashPassword(newPassword), must_change_password: true, updated_at: this.db.fn.now() })
      .returning(COLUMNS);
    if (!row) throw notFound(CORE_ERRORS.USER_NOT_FOUND, 'No such user');
    await clearSignInFailures(this.db, 'core_sign_in_failure', userAccountKey(id));
    await this.db('core_session').where({ user_id: id }).delete();
    this.forgetSessions(id);
    await auditTenant(this.ctx, { action: 'users.password.reset', recordType: 'user', recordId: id, data: auditNote });
    return toView({ ...row, locked: false });
  }

  /** Lifts every sign-in lock of the account, from every address (the password stays). */
  async unlock(id: string) {
    await this.ctx.guard.requireAccountManageable(this.db, id, 'params.id');
    const row: Omit<UserRow, 'locked'> | undefined = await this.db('core_user').where({ id }).first(COLUMNS);
    if (!row) throw notFound(CORE_ERRORS.USER_NOT_FOUND, 'No such user');
    await clearSignInFailures(this.db, 'core_sign_in_failure', userAccountKey(id));
    await auditTenant(this.ctx, { action: 'users.unlock', recordType: 'user', recordId: id });
    return toView({ ...row, locked: false });
  }
}

function toView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    personId: row.person_id,
    isTenantAdmin: row.is_tenant_admin,
    status: row.status,
    mustChangePassword: row.must_change_password,
    locked: row.locked,
    createdAt: row.created_at,
  };
}
