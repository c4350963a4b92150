import type { FastifyRequest } from 'fastify';
import { DEFAULT_TIME_ZONE } from '../../../core/module-kit.ts';

/** How an export writes cells that depend on the county and the address it is read at. */
export interface ExportCellContext {
  timeZone: string;
  /** Absolute address of the files route, e.g. `https://x.gov.cn/api/t/jiazhou/files/`: a link per photo. */
  filesBase: string;
}

/** The export context of a request: the tenant's zone and the address the user reached the server at. */
export function exportCellContext(request: FastifyRequest): ExportCellContext {
  return {
    timeZone: request.tenant.timeZone ?? DEFAULT_TIME_ZONE,
    filesBase: `${request.protocol}://${request.host}/api/t/${request.tenant.slug}/files/`,
  };
}
