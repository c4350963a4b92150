import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, notFound, type RoutePlugin } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { buildingQrRoute, buildingQrSheetRoute } from '../schemas/building.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { BUILDING_READERS, buildingAccess, buildingQuery, scopesOf, whereInAnyScope, type BuildingRow } from './building-access.ts';
import { QR_WORDS, qrSheetSvg, reportUrl, SHEET, singleQrSvg, type QrLabel, type QrLang } from './building-qr.ts';

const PAGE = SHEET.columns * SHEET.rows;

const readers = { permission: BUILDING_READERS };

/** Where printed codes point: the county's public address when configured, else the address this request came to. */
async function publicOrigin(request: FastifyRequest): Promise<string> {
  const configured = (await gridEventsConfig(request.db)).publicBaseUrl;
  return configured || `${request.protocol}://${request.host}`;
}

function sendSvg(reply: FastifyReply, svg: string, fileName: string, pageCount?: number) {
  if (pageCount !== undefined) reply.header('x-page-count', String(pageCount));
  return (
    reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      // Opened on its own, the drawing may do nothing but draw: no script, no outside resource.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('content-disposition', `inline; filename="${fileName}"`)
      .send(svg)
  );
}

/** A code per building, or per unit (单元): the building's name, and the unit with the invitation to scan. */
function labelsOf(
  building: Pick<BuildingRow, 'name' | 'qr_token' | 'unit_count'>,
  origin: string,
  slug: string,
  lang: QrLang,
  perUnit: boolean,
): QrLabel[] {
  const words = QR_WORDS[lang];
  if (!perUnit) return [{ url: reportUrl(origin, slug, building.qr_token), title: building.name, caption: words.scan }];
  return Array.from({ length: building.unit_count }, (_, i) => ({
    url: reportUrl(origin, slug, building.qr_token, i + 1),
    title: building.name,
    caption: `${words.unit(i + 1)} · ${words.scan}`,
  }));
}

/**
 * Printable QR codes (SVG): one building's (for one unit, when asked), or an A4 sheet of many with
 * cut lines. A scan opens the public report page with the building (and unit) filled in.
 */
export const qrRoutes: RoutePlugin = async (app) => {
  app.get('/buildings/:id/qr.svg', { schema: buildingQrRoute, config: readers }, async (request, reply) => {
    const building = await buildingAccess(request, request.params.id, BUILDING_READERS);
    const { unit, lang = 'zh-CN' } = request.query;
    if (unit && unit > building.unit_count)
      throw badRequest(GRID_ERRORS.BUILDING_INVALID, 'The building has no such unit', [
        { path: 'querystring.unit', message: `is not one of the building’s ${building.unit_count} units` },
      ]);
    const words = QR_WORDS[lang];
    const label = {
      url: reportUrl(await publicOrigin(request), request.tenant.slug, building.qr_token, unit),
      title: building.name,
      caption: unit ? `${words.unit(unit)} · ${words.scan}` : words.scan,
    };
    return sendSvg(reply, singleQrSvg(label), unit ? `building-${unit}.svg` : 'building.svg');
  });

  app.get('/buildings/qr-sheet.svg', { schema: buildingQrSheetRoute, config: readers }, async (request, reply) => {
    const { gridUnitId, buildingId, per = 'unit', page = 1, lang = 'zh-CN' } = request.query;
    const query = buildingQuery(request.db).orderBy([{ column: 'g.name' }, { column: 'b.name' }, { column: 'b.id' }]);
    whereInAnyScope(query, 'b.grid_unit_id', await scopesOf(request, BUILDING_READERS), request.db);
    if (gridUnitId) query.where('b.grid_unit_id', gridUnitId);
    if (buildingId?.length) query.whereIn('b.id', buildingId);
    const buildings: BuildingRow[] = await query;
    if (buildings.length === 0) throw notFound(GRID_ERRORS.BUILDING_NOT_FOUND, 'No building to print');
    const origin = await publicOrigin(request);
    const labels = buildings.flatMap((b) => labelsOf(b, origin, request.tenant.slug, lang, per === 'unit'));
    const pageCount = Math.ceil(labels.length / PAGE);
    if (page > pageCount)
      throw badRequest(GRID_ERRORS.BUILDING_INVALID, `The selection fills ${pageCount} pages`, [
        { path: 'querystring.page', message: `is past the last page, ${pageCount}` },
      ]);
    const slice = labels.slice((page - 1) * PAGE, page * PAGE);
    return sendSvg(reply, qrSheetSvg(slice), `building-qr-${page}.svg`, pageCount);
  });
};
