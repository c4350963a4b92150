import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  badRequest,
  roleNames,
  rolesNamed,
  type ConfigDataContext,
  type ErrorDetail,
  type ModuleConfigData,
} from '../../../core/module-kit.ts';
import { ANNOUNCEMENT_ERRORS } from '../schemas/error-codes.ts';
import type { AudienceKind } from '../schemas/notice.schema.ts';
import { writeRecipients } from './audience.ts';
import { sanitizeBody } from './sanitize-body.ts';

/**
 * Announcements' part of a tenant-config file (`modules[i].data`): notices a county keeps as code
 * (the demo counties' welcome notice), each named by a `key`, its publishing unit and audience units
 * by code, audience roles by name. Applying creates what is missing and publishes it (recipients
 * are the accounts the audience reaches then; nobody is notified — a file is not news), updates
 * the content of what changed, and withdraws a notice the file marks withdrawn. The audience of a
 * notice once published stays as it was resolved.
 */
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    notices: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['key', 'title', 'audience'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,60}$' },
          title: { type: 'string', minLength: 1, maxLength: 200 },
          bodyHtml: { type: 'string', maxLength: 200000 },
          unit: { type: 'string', description: 'The code of the publishing unit' },
          pinned: { type: 'boolean' },
          requiresConfirmation: { type: 'boolean' },
          sms: { type: 'boolean' },
          expiresAt: { type: 'string', format: 'date-time' },
          status: { type: 'string', enum: ['draft', 'published', 'withdrawn'] },
          audience: {
            type: 'object',
            required: ['kind'],
            additionalProperties: false,
            properties: {
              kind: { type: 'string', enum: ['county', 'units', 'roles'] },
              units: { type: 'array', items: { type: 'string' }, maxItems: 500 },
              roles: { type: 'array', items: { type: 'string' }, maxItems: 100 },
            },
          },
        },
      },
    },
  },
} as const;

interface NoticeEntry {
  key: string;
  title: string;
  bodyHtml?: string;
  unit?: string;
  pinned?: boolean;
  requiresConfirmation?: boolean;
  sms?: boolean;
  expiresAt?: string;
  status?: 'draft' | 'published' | 'withdrawn';
  audience: { kind: AudienceKind; units?: string[]; roles?: string[] };
}

interface Data {
  notices?: NoticeEntry[];
}

const COUNTY_WIDE = { kind: 'tenant' } as const;

async function audienceIds(ctx: ConfigDataContext, entries: NoticeEntry[]): Promise<string[][]> {
  const roleNames = [...new Set(entries.flatMap((e) => e.audience.roles ?? []))];
  const roles = await rolesNamed(ctx.trx, roleNames);
  const problems: ErrorDetail[] = [];
  const ids = entries.map((e, i) => {
    if (e.unit !== undefined && !ctx.unitIdsByCode.has(e.unit))
      problems.push({ path: `body.notices[${i}].unit`, message: `“${e.unit}” is no unit’s code` });
    const units = (e.audience.units ?? []).map((code, j) => {
      const id = ctx.unitIdsByCode.get(code);
      if (!id) problems.push({ path: `body.notices[${i}].audience.units[${j}]`, message: `“${code}” is no unit’s code` });
      return id ?? '';
    });
    const named = (e.audience.roles ?? []).map((name, j) => {
      const id = roles.get(name);
      if (!id) problems.push({ path: `body.notices[${i}].audience.roles[${j}]`, message: `“${name}” is no role’s name` });
      return id ?? '';
    });
    if (e.audience.kind === 'units' && units.length === 0)
      problems.push({ path: `body.notices[${i}].audience.units`, message: 'needs at least one unit' });
    if (e.audience.kind === 'roles' && named.length === 0)
      problems.push({ path: `body.notices[${i}].audience.roles`, message: 'needs at least one role' });
    return e.audience.kind === 'units' ? units : e.audience.kind === 'roles' ? named : [];
  });
  if (problems.length > 0) throw badRequest(ANNOUNCEMENT_ERRORS.DATA_INVALID, 'The announcements data has problems', problems);
  return ids;
}

async function apply(ctx: ConfigDataContext, data: unknown): Promise<{ created: number; updated: number }> {
  const { notices = [] } = data as Data;
  const { trx } = ctx;
  const ids = await audienceIds(ctx, notices);
  const existing = new Map(
    (
      (await trx('announcement').whereNotNull('config_key').select('id', 'config_key', 'status')) as {
        id: string;
        config_key: string;
        status: string;
      }[]
    ).map((r) => [r.config_key, r]),
  );
  let created = 0;
  let updated = 0;
  for (const [i, e] of notices.entries()) {
    const content = {
      title: e.title,
      body_html: sanitizeBody(e.bodyHtml ?? ''),
      pinned: e.pinned ?? false,
      requires_confirmation: e.requiresConfirmation ?? false,
      sms: e.sms ?? false,
      expires_at: e.expiresAt ? new Date(e.expiresAt) : null,
    };
    const status = e.status ?? 'published';
    const found = existing.get(e.key);
    let id = found?.id;
    if (!id) {
      id = uuidv7();
      await trx('announcement').insert({
        tenant_id: ctx.tenantId,
        id,
        config_key: e.key,
        ...content,
        unit_id: e.unit ? ctx.unitIdsByCode.get(e.unit) : null,
        created_by: ctx.actorUserId,
        status: 'draft',
        audience_kind: e.audience.kind,
        audience_ids: JSON.stringify(ids[i]),
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      created++;
    } else {
      updated += await trx('announcement')
        .where({ id })
        .whereRaw('(title, body_html, pinned, requires_confirmation, sms, expires_at) is distinct from (?, ?, ?, ?, ?, ?::timestamptz)', [
          content.title,
          content.body_html,
          content.pinned,
          content.requires_confirmation,
          content.sms,
          content.expires_at,
        ])
        .update({ ...content, updated_at: ctx.now });
    }
    const was = found?.status ?? 'draft';
    if (was === 'draft' && status !== 'draft') {
      const recipients = await writeRecipients(trx, ctx.tenantId, id, { kind: e.audience.kind, ids: ids[i] }, COUNTY_WIDE);
      await trx('announcement').where({ id }).update({
        status: 'published',
        recipient_count: recipients.length,
        published_by: ctx.actorUserId,
        published_at: ctx.now,
        updated_at: ctx.now,
      });
      if (found) updated++;
    }
    if (status === 'withdrawn' && was !== 'withdrawn') {
      await trx('announcement').where({ id }).update({ status: 'withdrawn', withdrawn_at: ctx.now, updated_at: ctx.now });
      if (found) updated++;
    }
  }
  return { created, updated };
}

async function exportData(trx: Knex.Transaction): Promise<Data | undefined> {
  const rows: {
    id: string;
    config_key: string;
    title: string;
    body_html: string;
    unit_code: string | null;
    pinned: boolean;
    requires_confirmation: boolean;
    sms: boolean;
    expires_at: Date | null;
    status: 'draft' | 'published' | 'withdrawn';
    audience_kind: AudienceKind;
    audience_ids: string[];
  }[] = await trx('announcement as a')
    .leftJoin('core_unit as un', function joinUnit() {
      this.on('un.tenant_id', 'a.tenant_id').andOn('un.id', 'a.unit_id');
    })
    .whereNotNull('a.config_key')
    .orderBy('a.config_key')
    .select('a.*', 'un.code as unit_code');
  if (rows.length === 0) return undefined;
  const allIds = [...new Set(rows.flatMap((r) => r.audience_ids))];
  const units = new Map(
    (
      (allIds.length > 0 ? await trx('core_unit').whereIn('id', allIds).select('id', 'code') : []) as { id: string; code: string | null }[]
    ).map((u) => [u.id, u.code]),
  );
  const roles = await roleNames(trx, allIds);
  return {
    notices: rows.map((r) => ({
      key: r.config_key,
      title: r.title,
      bodyHtml: r.body_html,
      ...(r.unit_code ? { unit: r.unit_code } : {}),
      pinned: r.pinned,
      requiresConfirmation: r.requires_confirmation,
      sms: r.sms,
      ...(r.expires_at ? { expiresAt: r.expires_at.toISOString() } : {}),
      status: r.status,
      audience: {
        kind: r.audience_kind,
        // A unit without a code, or a role since deleted, cannot be named in a file: it stays out.
        ...(r.audience_kind === 'units' ? { units: r.audience_ids.flatMap((id) => (units.get(id) ? [units.get(id)!] : [])) } : {}),
        ...(r.audience_kind === 'roles' ? { roles: r.audience_ids.flatMap((id) => (roles.has(id) ? [roles.get(id)!] : [])) } : {}),
      },
    })),
  };
}

export const announcementsConfigData: ModuleConfigData = {
  schema,
  apply,
  export: (ctx) => exportData(ctx.trx),
};
