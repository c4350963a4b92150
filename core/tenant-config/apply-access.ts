import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { RoleService } from '../auth/role.service.ts';
import { UserService, type UserChange } from '../auth/user.service.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import type { ReportBuilder } from './apply-report.ts';
import type { ConfigAdmin, ConfigPerson, ConfigRole } from './tenant-config.types.ts';
import { at } from './apply-step.ts';
import { compareText, loadPeople, loadRoles, loadUsers } from './tenant-state.ts';

/**
 * Roles by name: created, or their description (when given), grants and members (when given)
 * brought to the file's. Grants and members compare as sets.
 */
export async function applyRoles(ctx: TenantContext, roles: ConfigRole[], report: ReportBuilder): Promise<void> {
  const service = new RoleService(ctx);
  const existing = new Map((await loadRoles(ctx.trx)).map((r) => [r.name, r]));
  const personIds = new Map((await loadPeople(ctx.trx)).map((p) => [p.phone, p.id]));
  for (const [i, role] of roles.entries()) {
    const path = `roles[${i}]`;
    const grants = [...role.grants].sort((a, b) => compareText(a.permission, b.permission));
    const current = existing.get(role.name);
    let roleId: string;
    if (!current) {
      roleId = (await at(path, () => service.create({ name: role.name, description: role.description ?? '', grants }))).id;
      report.add('create', 'role', role.name);
    } else {
      roleId = current.id;
      const fields: string[] = [];
      if (role.description !== undefined && role.description !== current.description) fields.push('description');
      if (!isDeepStrictEqual(grants, current.grants)) fields.push('grants');
      if (fields.length > 0) {
        await at(path, () => service.update(current.id, { name: role.name, description: role.description ?? current.description, grants }));
        report.add('update', 'role', role.name, fields);
      }
    }
    if (role.members === undefined) continue;
    const members = [...new Set(role.members)].sort(compareText);
    if (isDeepStrictEqual(members, current?.memberPhones ?? [])) continue;
    await at(`${path}.members`, () =>
      service.setMembers(
        roleId,
        members.map((phone) => personIds.get(phone)!),
      ),
    );
    if (current) report.add('update', 'role', role.name, ['members']);
  }
}

export interface AdminPasswords {
  /** Password of every admin the apply creates; absent: one generated per admin, reported once. */
  adminPassword?: string;
  /** Whether created admins must change the password at first sign-in (always with a generated one). */
  mustChangePassword: boolean;
}

/**
 * Admin accounts by username: created (never with a password from the file: there is none), or
 * their display name and phone (when given) brought to the file's, and the admin flag set.
 */
export async function applyAdmins(
  ctx: TenantContext,
  admins: ConfigAdmin[],
  passwords: AdminPasswords,
  report: ReportBuilder,
): Promise<void> {
  const service = new UserService(ctx);
  const existing = new Map((await loadUsers(ctx.trx)).map((u) => [u.username, u]));
  for (const [i, admin] of admins.entries()) {
    const path = `admins[${i}]`;
    const current = existing.get(admin.username);
    if (!current) {
      const password = passwords.adminPassword ?? generatePassword();
      await at(path, () =>
        service.create({
          username: admin.username,
          displayName: admin.displayName,
          phone: admin.phone,
          password,
          isTenantAdmin: true,
          mustChangePassword: passwords.adminPassword === undefined || passwords.mustChangePassword,
        }),
      );
      report.add('create', 'admin', admin.username);
      if (passwords.adminPassword === undefined) report.generatedPasswords.push({ username: admin.username, password });
      continue;
    }
    const change: UserChange = {};
    if (current.display_name !== admin.displayName) change.displayName = admin.displayName;
    if (admin.phone && current.phone !== admin.phone) change.phone = admin.phone;
    if (!current.is_tenant_admin) change.isTenantAdmin = true;
    if (Object.keys(change).length === 0) continue;
    await at(path, () => service.update(current.id, change));
    report.add('update', 'admin', admin.username, Object.keys(change));
  }
}

/**
 * People's own staff accounts by username: created linked to the person (display name = the
 * person's name) when missing, with the same password rules as admins; an existing account of
 * that name is linked to the person. Accounts are never removed by an apply.
 */
export async function applyAccounts(
  ctx: TenantContext,
  people: ConfigPerson[],
  passwords: AdminPasswords,
  report: ReportBuilder,
): Promise<void> {
  const service = new UserService(ctx);
  const existing = new Map((await loadUsers(ctx.trx)).map((u) => [u.username, u]));
  const personIds = new Map((await loadPeople(ctx.trx)).map((p) => [p.phone, p.id]));
  for (const [i, person] of people.entries()) {
    if (!person.account) continue;
    const path = `people[${i}].account`;
    const personId = personIds.get(person.phone)!;
    const current = existing.get(person.account);
    if (!current) {
      const password = passwords.adminPassword ?? generatePassword();
      await at(path, () =>
        service.create({
          username: person.account!,
          displayName: person.name,
          password,
          personId,
          isTenantAdmin: false,
          mustChangePassword: passwords.adminPassword === undefined || passwords.mustChangePassword,
        }),
      );
      report.add('create', 'account', person.account);
      if (passwords.adminPassword === undefined) report.generatedPasswords.push({ username: person.account, password });
      continue;
    }
    if (current.person_id === personId) continue;
    await at(path, () => service.update(current.id, { personId }));
    report.add('update', 'account', person.account, ['person']);
  }
}

/** 16 URL-safe random characters (96 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
