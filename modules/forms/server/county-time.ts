import type { FastifyRequest } from 'fastify';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * `2025-03-05 07:29` — a moment as the county's clock reads it (its tenant time zone), whatever
 * the server's zone: what exports and messages write. A zone the host does not know falls back
 * to Asia/Shanghai rather than failing the export.
 */
export function countyDateTime(moment: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = moment instanceof Date ? moment : new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  try {
    return formatterOf(timeZone).format(date);
  } catch {
    return formatterOf(DEFAULT_TIME_ZONE).format(date);
  }
}

// A formatter is costly to build and an export formats every row: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How an export writes cells that depend on the county and the address it is read at. */
export interface ExportCellContext {
  timeZone: string;
  /** Absolute address of the files route, e.g. `https://x.gov.cn/api/t/jiazhou/files/`: a link per photo. */
  filesBase: string;
}

/** The export context of a request: the tenant's zone and the address the user reached the server at. */
export function exportCellContext(request: FastifyRequest): ExportCellContext {
  return { timeZone: request.tenant.timeZone ?? DEFAULT_TIME_ZONE, filesBase: `${request.protocol}://${request.host}/api/t/${request.tenant.slug}/files/` };
}
