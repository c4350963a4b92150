import type { FastifyRequest } from 'fastify';
import { currentUser } from '../http/request-context.ts';

/** Every permission the signed-in user holds through their roles (all, for a tenant admin). */
export async function heldPermissions(request: FastifyRequest): Promise<string[]> {
  const user = currentUser(request);
  if (user.isTenantAdmin) return request.server.platform.modules.allPermissions().map((p) => p.id);
  if (!user.personId) return [];
  const rows: { permission: string }[] = await request
    .db('core_role_permission as rp')
    .join('core_person_role as pr', function joinRole() {
      this.on('pr.tenant_id', 'rp.tenant_id').andOn('pr.role_id', 'rp.role_id');
    })
    .where('pr.person_id', user.personId)
    .distinct('rp.permission');
  return rows.map((r) => r.permission).sort();
}
