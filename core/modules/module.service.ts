import { auditTenant, type TenantContext } from '../auth/tenant-context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import type { ModuleRegistry } from './module-registry.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

interface TenantModuleRow {
  module_id: string;
  enabled: boolean;
  config: Record<string, unknown>;
}

/** Enable, disable and configure modules for the context's tenant. */
export class TenantModules {
  constructor(private readonly ctx: TenantContext) {}

  private get registry(): ModuleRegistry {
    return this.ctx.registry;
  }

  async list() {
    const rows: TenantModuleRow[] = await this.ctx.trx('core_tenant_module').select('module_id', 'enabled', 'config');
    const byId = new Map(rows.map((r) => [r.module_id, r]));
    return this.registry.modules.map((m) => this.view(m.manifest.id, byId.get(m.manifest.id)));
  }

  async enable(moduleId: string) {
    this.requireInstalled(moduleId);
    const enabled = await this.enabledIds();
    const missing = this.registry.get(moduleId).manifest.dependsOn.filter((d) => !enabled.has(d));
    if (missing.length > 0) {
      throw conflict(
        CORE_ERRORS.MODULE_DEPENDENCY_DISABLED,
        `Enable ${missing.join(', ')} first: "${moduleId}" depends on it`,
        missing.map((d) => ({ path: 'dependsOn', message: d })),
      );
    }
    const row = await this.upsert(moduleId, { enabled: true });
    await auditTenant(this.ctx, { action: 'modules.enable', recordType: 'module', recordId: moduleId });
    return this.view(moduleId, row);
  }

  async disable(moduleId: string) {
    this.requireInstalled(moduleId);
    const enabled = await this.enabledIds();
    const dependents = this.registry.dependents(moduleId).filter((d) => enabled.has(d));
    if (dependents.length > 0) {
      throw conflict(
        CORE_ERRORS.MODULE_REQUIRED_BY_OTHERS,
        `Disable ${dependents.join(', ')} first: it depends on "${moduleId}"`,
        dependents.map((d) => ({ path: 'dependents', message: d })),
      );
    }
    const row = await this.upsert(moduleId, { enabled: false });
    await auditTenant(this.ctx, { action: 'modules.disable', recordType: 'module', recordId: moduleId });
    return this.view(moduleId, row);
  }

  async configure(moduleId: string, config: unknown) {
    this.requireInstalled(moduleId);
    const result = this.registry.validateConfig(moduleId, config);
    if (!result.ok) throw badRequest(CORE_ERRORS.MODULE_CONFIG_INVALID, 'The module configuration has invalid fields', result.details);
    const row = await this.upsert(moduleId, { config: result.config });
    await auditTenant(this.ctx, { action: 'modules.configure', recordType: 'module', recordId: moduleId, data: { config: result.config } });
    return this.view(moduleId, row);
  }

  /** The tenant's config of a module, with the schema's defaults for anything unset. */
  async config(moduleId: string): Promise<Record<string, unknown>> {
    const row: TenantModuleRow | undefined = await this.ctx
      .trx('core_tenant_module')
      .where({ module_id: moduleId })
      .first('module_id', 'enabled', 'config');
    return this.view(moduleId, row).config;
  }

  private requireInstalled(moduleId: string): void {
    if (!this.registry.has(moduleId)) throw notFound(CORE_ERRORS.MODULE_NOT_FOUND, `No module "${moduleId}"`);
  }

  private async enabledIds(): Promise<Set<string>> {
    const rows: { module_id: string }[] = await this.ctx.trx('core_tenant_module').where({ enabled: true }).select('module_id');
    return new Set(rows.map((r) => r.module_id));
  }

  private async upsert(moduleId: string, change: { enabled?: boolean; config?: Record<string, unknown> }): Promise<TenantModuleRow> {
    const tenantId = this.ctx.tenantId;
    const insert = {
      tenant_id: tenantId,
      module_id: moduleId,
      enabled: change.enabled ?? false,
      config: JSON.stringify(change.config ?? this.registry.defaultConfig(moduleId)),
    };
    // The time travels as a value: Citus cannot evaluate now() inside ON CONFLICT (docs/SCALING.md).
    const merge: Record<string, unknown> = { updated_at: new Date() };
    if (change.enabled !== undefined) merge.enabled = change.enabled;
    if (change.config !== undefined) merge.config = JSON.stringify(change.config);
    const [row] = await this.ctx
      .trx('core_tenant_module')
      .insert(insert)
      .onConflict(['tenant_id', 'module_id'])
      .merge(merge)
      .returning(['module_id', 'enabled', 'config']);
    this.ctx.caches.modulesChanged();
    return row;
  }

  private view(moduleId: string, row: TenantModuleRow | undefined) {
    const defaults = this.registry.defaultConfig(moduleId);
    return {
      id: moduleId,
      manifest: this.registry.get(moduleId).manifest,
      enabled: row?.enabled ?? false,
      config: { ...defaults, ...(row?.config ?? {}) },
    };
  }
}
