import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { listAuditRoute } from './audit.schema.ts';
import { listAudit } from './audit-query.service.ts';
import { hideUnreadableFileIds } from './audit-file-redaction.ts';
import { withRecordNames } from './audit-record-names.ts';

/** Reading the audit trail (it is written by `audit()` beside each change, never through the API). */
export const auditRoutes: RoutePlugin = async (app) => {
  app.get('/audit', { schema: listAuditRoute }, async (request) => {
    const scope = await requirePermission(request, 'core.audit.read');
    const page = await listAudit(request.db, request.tenant.id, scope, request.query);
    return { ...page, items: await hideUnreadableFileIds(request, await withRecordNames(request.db, page.items)) };
  });
};
