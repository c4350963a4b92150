import type { OrgContext } from '../org/org-context.ts';
import { auditTenant, type TenantContext } from '../auth/tenant-context.ts';
import { ReportBuilder, type ApplyReport } from './apply-report.ts';
import { applyAccounts, applyAdmins, applyRoles } from './apply-access.ts';
import { applyPeople, applyPositions } from './apply-directory.ts';
import { applyCustomFields, applyModules } from './apply-modules.ts';
import { prune } from './apply-prune.ts';
import { applyUnits } from './apply-units.ts';
import { checkTenantConfig } from './tenant-config-check.ts';
import type { ConfigProfile, TenantConfig } from './tenant-config.types.ts';
import { invalidConfig, parseTenantConfig } from './tenant-config-validator.ts';

export interface ApplyOptions {
  /** Remove what the tenant has and the file does not list (see apply-prune.ts). */
  prune?: boolean;
  /** Password of the admins this apply creates; absent: generated per admin and reported once. */
  adminPassword?: string;
  /** Whether admins created with `adminPassword` must change it at first sign-in (default true). */
  mustChangePassword?: boolean;
  /** Recorded in the report; the caller rolls the transaction back. */
  dryRun?: boolean;
}

/** Set by the caller that just created the tenant in the same transaction. */
export interface ApplyStart {
  report: ReportBuilder;
  tenantCreated: boolean;
}

/**
 * Applies a tenant configuration to the context's tenant in the context's transaction: checked
 * first (schema.json, then references and module rules, every problem named by its JSON path;
 * 400 `TENANT_CONFIG_INVALID` before anything is written), then written through the same services
 * as the API (so the rows, checks and audit entries are the API's). Additive and updating: units
 * are matched by code, people by phone, roles by name, admins by username; only `prune` removes.
 * Idempotent: a second apply of the same file finds nothing to change, writes nothing and no audit
 * entry. The caller owns the transaction: any error leaves it to be rolled back whole.
 */
export async function applyTenantConfig(
  ctx: TenantContext,
  input: unknown,
  options: ApplyOptions = {},
  start?: ApplyStart,
): Promise<ApplyReport> {
  const config = parseTenantConfig(input);
  const tenant: ProfileRow = await ctx
    .trx('core_tenant')
    .where({ id: ctx.tenantId })
    .first('slug', 'name', 'locale', 'time_zone', 'logo_url');
  if (config.profile.slug !== tenant.slug)
    throw invalidConfig([{ path: 'profile.slug', message: `is not the address of this tenant ("${tenant.slug}")` }]);
  const report = start?.report ?? new ReportBuilder();
  // The profile lives in core_tenant, a reference table on Citus, which refuses a write after
  // multi-shard statements in the same transaction (docs/SCALING.md): written first. A config
  // the check below refuses rolls the whole transaction back, the profile with it.
  await applyProfile(ctx, tenant, config.profile, report);
  const problems = await checkTenantConfig(ctx.trx, ctx.registry, config, { prune: options.prune === true });
  if (problems.length > 0) throw invalidConfig(problems);

  const org: OrgContext = { trx: ctx.trx, tenantId: ctx.tenantId, actorUserId: ctx.actorUserId, scope: { kind: 'tenant' } };
  // Order: what later sections refer to comes first (positions and units before people, people
  // before role members, modules before their custom fields).
  if (config.positions) await applyPositions(org, config.positions, report);
  const keptUnits = config.units ? await applyUnits(org, config.units, report) : new Set<string>();
  if (config.people) await applyPeople(org, config.people, report);
  if (config.modules) await applyModules(ctx, config.modules, report);
  if (config.customFields) await applyCustomFields(ctx, config.customFields, report);
  if (config.roles) await applyRoles(ctx, config.roles, report);
  const passwords = { adminPassword: options.adminPassword, mustChangePassword: options.mustChangePassword ?? true };
  if (config.admins) await applyAdmins(ctx, config.admins, passwords, report);
  if (config.people) await applyAccounts(ctx, config.people, passwords, report);
  if (options.prune) await prune(ctx, org, config, keptUnits, report);

  const result = report.build({
    slug: tenant.slug,
    tenantCreated: start?.tenantCreated ?? false,
    dryRun: options.dryRun === true,
    prune: options.prune === true,
  });
  // One entry naming the apply beside the per-record entries the services wrote; none when nothing changed.
  if (result.total > 0)
    await auditTenant(ctx, {
      action: 'tenant_config.apply',
      recordType: 'tenant',
      recordId: ctx.tenantId,
      data: { summary: result.summary, prune: result.prune },
    });
  return result;
}

const PROFILE_FIELD_NAMES: Record<string, string> = { logo_url: 'logoUrl', time_zone: 'timeZone' };

type ProfileRow = { slug: string; name: string; locale: string; time_zone: string; logo_url: string | null };

async function applyProfile(ctx: TenantContext, tenant: ProfileRow, profile: ConfigProfile, report: ReportBuilder): Promise<void> {
  const changes: Record<string, string | null> = {};
  if (profile.name !== tenant.name) changes.name = profile.name;
  if (profile.locale !== undefined && profile.locale !== tenant.locale) changes.locale = profile.locale;
  if (profile.timeZone !== undefined && profile.timeZone !== tenant.time_zone) changes.time_zone = profile.timeZone;
  if (profile.logoUrl !== undefined && profile.logoUrl !== tenant.logo_url) changes.logo_url = profile.logoUrl;
  const fields = Object.keys(changes);
  if (fields.length === 0) return;
  await ctx
    .trx('core_tenant')
    .where({ id: ctx.tenantId })
    .update({ ...changes, updated_at: ctx.trx.fn.now() });
  const before = Object.fromEntries(fields.map((f) => [f, tenant[f as keyof typeof tenant]]));
  await auditTenant(ctx, {
    action: 'tenant.profile.update',
    recordType: 'tenant',
    recordId: ctx.tenantId,
    data: { before, after: changes },
  });
  ctx.caches.tenantChanged(tenant.slug);
  report.add(
    'update',
    'profile',
    tenant.slug,
    fields.map((f) => PROFILE_FIELD_NAMES[f] ?? f),
  );
}

export type { TenantConfig };
