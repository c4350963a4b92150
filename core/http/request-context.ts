import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { Tenant } from '../tenancy/tenant.types.ts';
import type { AuthUser } from '../auth/auth.types.ts';
import type { DataScope } from '../auth/permissions.ts';
import type { PlatformServices } from '../server/platform-services.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';
import { unauthorized } from './errors.ts';

// Type augmentation lives beside the hooks that set these values (tenant-scope.ts, auth).
declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant named in the URL; set for every `/api/t/:tenant/...` request. */
    tenant: Tenant;
    /** The request's tenant transaction; committed on success, rolled back on error. */
    db: Knex.Transaction;
    /** The signed-in user, or null on public routes. */
    user: AuthUser | null;
    /** Set by the error handler: the transaction must roll back. */
    failed: boolean;
    /** On a module route declaring `config.permission`: the widest scope the user holds for it. */
    scope: DataScope;
  }
  interface FastifyContextConfig {
    /** No session needed (login, public pages). */
    public?: boolean;
    /**
     * The handler streams a large body (uploads): sign-in is checked in a short transaction of its
     * own, and the handler opens `request.db` with `openRequestTransaction` once the body is in,
     * so a slow phone upload never holds a database connection.
     */
    streamsBody?: boolean;
    /** Open to a user who must change their password first (the current user, sign-out, the change). */
    beforePasswordChange?: boolean;
    /**
     * A module route's permission (or any one of a list): checked before the handler, which finds
     * the widest scope the user holds for it in `request.scope` (core/tenancy/tenant-scope.ts).
     */
    permission?: string | readonly string[];
  }
  interface FastifyInstance {
    platform: PlatformServices;
  }
}

/**
 * The signed-in user of a route that is not public (the tenant scope's hook has already enforced
 * it). Here, beside `request.user`, so any feature may ask without depending on core/auth.
 */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthorized(CORE_ERRORS.AUTH_REQUIRED, 'Not signed in');
  return request.user;
}
