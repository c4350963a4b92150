import type { Knex } from 'knex';
import { badRequest } from '../http/errors.ts';
import type { RoutePlugin } from '../http/route-plugin.ts';
import { tenantContext } from './tenant-context.ts';
import { requirePermission } from './permissions.ts';
import { accountCandidates, createAccountsForPeople } from './bulk-accounts.service.ts';
import { RoleService } from './role.service.ts';
import { templatesFor } from './role-templates.ts';
import {
  accountCandidatesRoute,
  addRoleMembersRoute,
  bulkCreateAccountsRoute,
  listRoleTemplatesRoute,
  removeRoleMembersRoute,
} from './bulk-access.schema.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Setting up many people at once: accounts for a selection of the directory, role membership
 * added or removed for many, and role templates. Every change goes through the same
 * UserService / RoleService calls as the single operations, so the same rules apply.
 */
export const bulkAccessRoutes: RoutePlugin = async (app) => {
  app.get('/users/candidates', { schema: accountCandidatesRoute }, async (request) => {
    await requirePermission(request, 'core.users.manage');
    return accountCandidates(request.db, request.query);
  });

  // Not idempotent-replayable on purpose: a stored replay would keep the initial passwords.
  app.post('/users/bulk', { schema: bulkCreateAccountsRoute }, async (request, reply) => {
    await requirePermission(request, 'core.users.manage');
    const origin = request.headers.origin;
    const tenant = {
      ...request.tenant,
      origin: typeof origin === 'string' && /^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(origin) ? origin : '',
    };
    const result = await createAccountsForPeople(tenantContext(request), app.jobs, tenant, request.body);
    // Initial passwords must not linger in a cache or a proxy.
    reply.header('cache-control', 'no-store');
    return reply.status(201).send(result);
  });

  app.post('/roles/:id/members/add', { schema: addRoleMembersRoute }, async (request) => {
    await requirePermission(request, 'core.roles.manage');
    const roles = new RoleService(tenantContext(request));
    const current = (await roles.members(request.params.id)).map((m) => m.personId);
    await requireExistingPeople(request.db, request.body.personIds);
    const added = request.body.personIds.filter((id) => !current.includes(id));
    if (added.length === 0) return { items: await roles.members(request.params.id) };
    return { items: await roles.setMembers(request.params.id, [...current, ...added]) };
  });

  app.post('/roles/:id/members/remove', { schema: removeRoleMembersRoute }, async (request) => {
    await requirePermission(request, 'core.roles.manage');
    const roles = new RoleService(tenantContext(request));
    const leaving = new Set(request.body.personIds);
    const current = (await roles.members(request.params.id)).map((m) => m.personId);
    if (!current.some((id) => leaving.has(id))) return { items: await roles.members(request.params.id) };
    return {
      items: await roles.setMembers(
        request.params.id,
        current.filter((id) => !leaving.has(id)),
      ),
    };
  });

  app.get('/role-templates', { schema: listRoleTemplatesRoute }, async (request) => {
    await requirePermission(request, 'core.roles.manage');
    const enabled: string[] = await request.db('core_tenant_module').where({ enabled: true }).pluck('module_id');
    return { items: templatesFor(app.platform.modules.allPermissions(), new Set(enabled)) };
  });
};

/** Names each unknown person by its place in the request body (setMembers would count the whole new list). */
async function requireExistingPeople(trx: Knex.Transaction, personIds: string[]): Promise<void> {
  const found = new Set(await trx('core_person').whereIn('id', personIds).pluck('id'));
  const problems = personIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `body.personIds[${i}]`, message: 'no such person' }]));
  if (problems.length) throw badRequest(CORE_ERRORS.ROLE_MEMBER_UNKNOWN, 'Some people do not exist', problems);
}
