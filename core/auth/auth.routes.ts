import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../http/route-plugin.ts';
import { audit } from '../audit/audit.service.ts';
import { badRequest } from '../http/errors.ts';
import { changePasswordRoute, loginRoute, logoutRoute, meRoute, updateMeRoute } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { userAccountKey } from './lockout.ts';
import { checkSignIn, signInThrottle } from './sign-in.ts';
import { startTenantSession } from './session.service.ts';
import { toAuthUser } from './session-auth.ts';
import { currentUser } from '../http/request-context.ts';
import { TENANT_SESSION_COOKIE } from './session-token.ts';
import { heldPermissions } from './held-permissions.ts';
import { afterCommit } from '../db/request-transaction.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** Sign-in, sign-out, the current user, and password change for tenant users. */
export const authRoutes: RoutePlugin = async (app) => {
  app.post('/auth/login', { schema: loginRoute, onRequest: signInThrottle(app), config: { public: true } }, async (request, reply) => {
    const { login, password } = request.body;
    const user: { id: string; password_hash: string; status: string } | undefined = await request
      .db('core_user')
      .where((q) => q.where('username', login).orWhere('phone', login))
      .first('id', 'password_hash', 'status');
    const account = user && { accountKey: userAccountKey(user.id), passwordHash: user.password_hash, active: user.status === 'active' };
    if (
      !(await checkSignIn(request, reply, { table: 'core_sign_in_failure', tenantId: request.tenant.id }, login, password, account)) ||
      !user
    )
      return reply;
    const { csrfToken, sessionId } = await startTenantSession(request.db, reply, app.platform.config, request.tenant, user.id);
    request.user = await loadAuthUser(request, user.id, sessionId, csrfToken);
    await audit(request, { action: 'auth.login', recordType: 'user', recordId: user.id });
    return sessionBody(request, csrfToken);
  });

  app.get('/auth/me', { schema: meRoute, config: { beforePasswordChange: true } }, async (request) =>
    sessionBody(request, currentUser(request).csrfToken),
  );

  // Allowed before a forced password change too: the language switch stays usable on that dialog.
  app.patch('/auth/me', { schema: updateMeRoute, config: { beforePasswordChange: true } }, async (request) => {
    const user = currentUser(request);
    const { locale } = request.body;
    await request.db('core_user').where({ id: user.id }).update({ locale, updated_at: request.db.fn.now() });
    // Other sessions of the user (other devices) read the new language once their cache entry goes.
    afterCommit(request, () => app.platform.sessions.evictUser(request.tenant.id, user.id));
    request.user = { ...user, locale };
    return sessionBody(request, user.csrfToken);
  });

  app.post('/auth/logout', { schema: logoutRoute, config: { beforePasswordChange: true } }, async (request, reply) => {
    const user = currentUser(request);
    await request.db('core_session').where({ id: user.sessionId }).delete();
    afterCommit(request, () => app.platform.sessions.evictSession(user.sessionId));
    reply.clearCookie(TENANT_SESSION_COOKIE, { path: `/api/t/${request.tenant.slug}` });
    return { ok: true };
  });

  app.post('/auth/change-password', { schema: changePasswordRoute, config: { beforePasswordChange: true } }, async (request) => {
    const user = currentUser(request);
    const row = await request.db('core_user').where({ id: user.id }).first('password_hash');
    if (!(await verifyPassword(request.body.currentPassword, row.password_hash))) {
      throw badRequest(CORE_ERRORS.AUTH_PASSWORD_WRONG, 'The current password is wrong', [
        { path: 'body.currentPassword', message: 'is wrong' },
      ]);
    }
    await request
      .db('core_user')
      .where({ id: user.id })
      .update({
        password_hash: await hashPassword(request.body.newPassword),
        must_change_password: false,
        updated_at: request.db.fn.now(),
      });
    await request.db('core_session').where({ user_id: user.id }).whereNot({ id: user.sessionId }).delete();
    afterCommit(request, () => app.platform.sessions.evictUser(request.tenant.id, user.id));
    await audit(request, { action: 'auth.password.change', recordType: 'user', recordId: user.id });
    return { ok: true };
  });
};

async function loadAuthUser(request: FastifyRequest, userId: string, sessionId: string, csrfToken: string) {
  const row = await request
    .db('core_user')
    .where({ id: userId })
    .first('id', 'username', 'display_name', 'person_id', 'is_tenant_admin', 'must_change_password', 'locale');
  return toAuthUser({ ...row, csrf_token: csrfToken }, sessionId);
}

async function sessionBody(request: FastifyRequest, csrfToken: string) {
  const user = currentUser(request);
  const unit: { id: string; name: string } | undefined = user.personId
    ? await request
        .db('core_person as p')
        .join('core_unit as u', function joinUnit() {
          this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
        })
        .where('p.id', user.personId)
        .first('u.id', 'u.name')
    : undefined;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      unit: unit ?? null,
      isTenantAdmin: user.isTenantAdmin,
      mustChangePassword: user.mustChangePassword,
      locale: user.locale,
    },
    csrfToken,
    tenant: request.tenant,
    permissions: await heldPermissions(request),
  };
}
