import type { RoutePlugin } from '../http/route-plugin.ts';
import { errorResponses, okResponse } from '../schemas/common.schema.ts';
import { loginBody, operatorChangePasswordRoute, operatorSession } from './auth.schema.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { badRequest } from '../http/errors.ts';
import { operatorAccountKey } from './lockout.ts';
import { checkSignIn, signInThrottle } from './sign-in.ts';
import { currentOperator } from './operator-auth.ts';
import { newCsrfToken, newSessionToken, PLATFORM_SESSION_COOKIE } from './session-token.ts';
import { sessionCookieOptions } from './session.service.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** Platform operator sign-in; operators are not tenant users and have their own sessions. */
export const operatorAuthRoutes: RoutePlugin = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['platform'],
        summary: 'Operator sign-in',
        body: loginBody,
        response: { 200: operatorSession, 429: errorResponses[403], ...errorResponses },
      },
      onRequest: signInThrottle(app),
      config: { public: true },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      const operator:
        { id: string; username: string; display_name: string; password_hash: string; must_change_password: boolean } | undefined =
        await request
          .db('core_operator')
          .where({ username: login })
          .first('id', 'username', 'display_name', 'password_hash', 'must_change_password');
      const account = operator && { accountKey: operatorAccountKey(operator.id), passwordHash: operator.password_hash, active: true };
      if (!(await checkSignIn(request, reply, { table: 'core_operator_sign_in_failure' }, login, password, account)) || !operator)
        return reply;
      const { token, id } = newSessionToken('platform');
      const csrfToken = newCsrfToken();
      const expiresAt = new Date(Date.now() + app.platform.config.sessionTtlHours * 3600_000);
      await request.db('core_operator_session').insert({ id, operator_id: operator.id, csrf_token: csrfToken, expires_at: expiresAt });
      reply.setCookie(PLATFORM_SESSION_COOKIE, token, sessionCookieOptions(app.platform.config, '/api/platform', expiresAt));
      return {
        operator: {
          id: operator.id,
          username: operator.username,
          displayName: operator.display_name,
          mustChangePassword: operator.must_change_password,
        },
        csrfToken,
      };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['platform'], summary: 'The signed-in operator', response: { 200: operatorSession, ...errorResponses } },
      config: { beforePasswordChange: true },
    },
    async (request) => {
      const { id, username, displayName, mustChangePassword, csrfToken } = currentOperator(request);
      return { operator: { id, username, displayName, mustChangePassword }, csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['platform'], summary: 'Operator sign-out', response: { 200: okResponse, ...errorResponses } },
      config: { beforePasswordChange: true },
    },
    async (request, reply) => {
      await request
        .db('core_operator_session')
        .where({ id: currentOperator(request).sessionId })
        .delete();
      reply.clearCookie(PLATFORM_SESSION_COOKIE, { path: '/api/platform' });
      return { ok: true };
    },
  );

  app.post('/auth/change-password', { schema: operatorChangePasswordRoute, config: { beforePasswordChange: true } }, async (request) => {
    const operator = currentOperator(request);
    const row: { password_hash: string } = await request.db('core_operator').where({ id: operator.id }).first('password_hash');
    if (!(await verifyPassword(request.body.currentPassword, row.password_hash))) {
      throw badRequest(CORE_ERRORS.AUTH_PASSWORD_WRONG, 'The current password is wrong', [
        { path: 'body.currentPassword', message: 'is wrong' },
      ]);
    }
    await request
      .db('core_operator')
      .where({ id: operator.id })
      .update({ password_hash: await hashPassword(request.body.newPassword), must_change_password: false });
    await request.db('core_operator_session').where({ operator_id: operator.id }).whereNot({ id: operator.sessionId }).delete();
    return { ok: true };
  });
};
