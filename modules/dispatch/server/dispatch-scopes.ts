import type { FastifyRequest } from 'fastify';
import { permissionScopes, type DataScope } from '../../../core/module-kit.ts';

/** The scopes of every dispatch permission, in one query; null for those the user lacks (pages combine them). */
export async function dispatchScopes(
  request: FastifyRequest,
): Promise<Record<'supervise' | 'handle' | 'instruct' | 'request', DataScope | null>> {
  const scopes = await permissionScopes(request, ['dispatch.supervise', 'dispatch.handle', 'dispatch.instruct', 'dispatch.request']);
  return {
    supervise: scopes.get('dispatch.supervise') ?? null,
    handle: scopes.get('dispatch.handle') ?? null,
    instruct: scopes.get('dispatch.instruct') ?? null,
    request: scopes.get('dispatch.request') ?? null,
  };
}
