import type { FastifyRequest } from 'fastify';
import { AppError, type DataScope, forbidden, requirePermission } from '../../../core/module-kit.ts';

export type FormsPermission = 'forms.design' | 'forms.collect' | 'forms.submit' | 'forms.results';

const WIDTH: Record<DataScope['kind'], number> = { own_unit: 1, unit_subtree: 2, tenant: 3 };

/**
 * The widest data scope among the listed permissions the user holds; 403 when none. Reading a
 * form is open to whoever works with it (designers, collectors, result viewers, and for a
 * version also those who fill it in).
 */
export async function requireAnyPermission(request: FastifyRequest, permissions: FormsPermission[]): Promise<DataScope> {
  let widest: DataScope | null = null;
  for (const permission of permissions) {
    try {
      const scope = await requirePermission(request, permission);
      if (!widest || WIDTH[scope.kind] > WIDTH[widest.kind]) widest = scope;
      if (scope.kind === 'tenant') break;
    } catch (error) {
      if (!(error instanceof AppError) || error.statusCode !== 403) throw error;
    }
  }
  if (!widest) throw forbidden('PERMISSION_DENIED', `This needs one of the permissions ${permissions.map((p) => `"${p}"`).join(', ')}`);
  return widest;
}
