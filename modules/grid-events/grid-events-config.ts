import type { Knex } from 'knex';
import { moduleConfig } from '../../core/module-kit.ts';
import { householdTag } from './schemas/household.schema.ts';

/**
 * What a county admin sets for grid events: how long each level of the escalation chain has, when
 * a citizen's rating reopens an event, how many resolved events are called back, public reports,
 * duplicate detection, the map. Defaults live here once: the manifest's configSchema carries them
 * and `gridEventsConfig` fills what a stored config lacks.
 */
export const GRID_EVENTS_CONFIG_DEFAULTS = {
  // Hours an escalated level has to resolve after it takes the event over (the first level has the category's limits).
  levelHours: { community: 24, town: 48, department: 72 },
  reopenAtOrBelowRating: 2,
  callbackPercent: 10,
  autoCloseDays: 7,
  publicReports: true,
  publicReportsPerPhonePerDay: 5,
  maxPhotos: 9,
  duplicateRadiusMeters: 150,
  duplicateWindowHours: 72,
  // The county's extent (WGS-84); zeros: the extent of its grids, else mainland China.
  bounds: { minLon: 0, minLat: 0, maxLon: 0, maxLat: 0 },
  // A raster tile URL ({z}/{x}/{y}), e.g. 天地图 with the county's key; empty: vectors only.
  tileUrl: '',
  // Days between visits per household tag; a household's shortest counts; 0: no regular visit. Custom tags welcome.
  visitCadenceDays: { 独居老人: 7, 留守儿童: 14, 出租: 30, 空房: 90, 自住: 0 } as Record<string, number>,
  // Where printed QR codes point (the public site's origin); empty: the address the sheet was printed from.
  publicBaseUrl: '',
};

export type GridEventsConfig = typeof GRID_EVENTS_CONFIG_DEFAULTS;
const D = GRID_EVENTS_CONFIG_DEFAULTS;
const hours = (title: string, value: number) => ({ type: 'integer', title, minimum: 1, maximum: 2160, default: value }) as const;
const degrees = (title: string, min: number, max: number, value: number) =>
  ({ type: 'number', title, minimum: min, maximum: max, default: value }) as const;

export const gridEventsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    levelHours: {
      type: 'object',
      title: '逐级上报后各级办理时限（小时）',
      additionalProperties: false,
      properties: {
        community: hours('村（社区）', D.levelHours.community),
        town: hours('镇街综治中心', D.levelHours.town),
        department: hours('职能部门', D.levelHours.department),
      },
      default: D.levelHours,
    },
    reopenAtOrBelowRating: { type: 'integer', title: '评价不高于几星时重新办理', minimum: 0, maximum: 5, default: D.reopenAtOrBelowRating },
    callbackPercent: { type: 'integer', title: '办结事件抽取回访比例（%）', minimum: 0, maximum: 100, default: D.callbackPercent },
    autoCloseDays: { type: 'integer', title: '办结后几天未评价自动结案', minimum: 1, maximum: 90, default: D.autoCloseDays },
    publicReports: { type: 'boolean', title: '允许群众在公开页面上报', default: D.publicReports },
    publicReportsPerPhonePerDay: {
      type: 'integer',
      title: '同一手机号每天最多上报',
      minimum: 1,
      maximum: 100,
      default: D.publicReportsPerPhonePerDay,
    },
    maxPhotos: { type: 'integer', title: '每次最多照片数', minimum: 1, maximum: 20, default: D.maxPhotos },
    duplicateRadiusMeters: { type: 'integer', title: '疑似重复：距离（米）', minimum: 10, maximum: 5000, default: D.duplicateRadiusMeters },
    duplicateWindowHours: { type: 'integer', title: '疑似重复：时间（小时）', minimum: 1, maximum: 720, default: D.duplicateWindowHours },
    bounds: {
      type: 'object',
      title: '本县范围（WGS-84 经纬度）',
      additionalProperties: false,
      properties: {
        minLon: degrees('最小经度', -180, 180, 0),
        minLat: degrees('最小纬度', -90, 90, 0),
        maxLon: degrees('最大经度', -180, 180, 0),
        maxLat: degrees('最大纬度', -90, 90, 0),
      },
      default: D.bounds,
    },
    tileUrl: {
      type: 'string',
      title: '地图瓦片地址',
      maxLength: 500,
      pattern: '^(https://.*\\{z\\}.*\\{x\\}.*\\{y\\}.*)?$',
      default: D.tileUrl,
    },
    visitCadenceDays: {
      type: 'object',
      title: '住户走访周期（天）',
      propertyNames: householdTag,
      additionalProperties: { type: 'integer', minimum: 0, maximum: 365 },
      maxProperties: 50,
      default: D.visitCadenceDays,
    },
    publicBaseUrl: {
      type: 'string',
      title: '楼栋二维码指向的网址',
      maxLength: 200,
      pattern: '^(https?://[^/?#\\s]+)?$',
      default: D.publicBaseUrl,
    },
  },
} as const;

export const gridEventsConfigUiSchema = {
  bounds: { 'ui:help': '全为 0 时取本县网格的范围；没有网格时为全国范围。范围外的位置不受理' },
  tileUrl: { 'ui:help': '留空时地图只画网格、楼栋和事件；可填天地图等瓦片地址（含 {z} {x} {y} 和密钥），须为 https' },
  levelHours: { 'ui:help': '网格一级的签收和办结时限在事件分类中设置；逾期未办结自动上报上一级' },
  visitCadenceDays: {
    'ui:help':
      '每类住户多少天走访一次，一户有多个标签时按最短的周期；0 表示不定期走访。可添加本县自己的标签（如 残疾人: 30）。到期未走访的住户列入逾期名单，并提醒所在网格的网格员',
  },
  publicBaseUrl: {
    'ui:help':
      '群众扫码打开的网站地址，如 https://wg.example.gov.cn（不含路径）；留空时取打印二维码时所用的地址。二维码印出后长期张贴，请填对外的正式地址',
  },
} as const;

/** The county's grid-events config, read in its transaction; defaults fill what a stored config lacks. */
export function gridEventsConfig(trx: Knex.Transaction): Promise<GridEventsConfig> {
  return moduleConfig<GridEventsConfig>(trx, 'grid-events', D);
}
