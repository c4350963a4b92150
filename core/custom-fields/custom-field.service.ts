import { auditTenant, type TenantContext } from '../auth/tenant-context.ts';
import type { ModuleRecordType } from '../modules/contract.ts';
import { TenantSchemaError } from '../schemas/tenant-schema-guard.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { EMPTY_FRAGMENT, effectiveSchema, prepareFragment } from './custom-field-fragment.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

interface FieldSetRow {
  schema: Record<string, unknown>;
  ui_schema: Record<string, unknown>;
  version: number;
  updated_at: Date | null;
}

export type FieldSetView = {
  moduleId: string;
  recordType: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  /** 0 until the first change; +1 on each change. */
  version: number;
  updatedAt: string | null;
};

/** The context's tenant's custom fields of module record types. */
export class CustomFieldSets {
  constructor(private readonly ctx: TenantContext) {}

  async get(moduleId: string, recordType: string): Promise<FieldSetView> {
    await this.requireRecordType(moduleId, recordType);
    return this.view(moduleId, recordType, await this.row(moduleId, recordType));
  }

  /** The record type's schema with the tenant's fields under `custom`, as the browser renders it. */
  async effective(moduleId: string, recordType: string) {
    const type = await this.requireRecordType(moduleId, recordType);
    const current = this.view(moduleId, recordType, await this.row(moduleId, recordType));
    return { moduleId, recordType, version: current.version, ...effectiveSchema(type.schema, current.schema, current.uiSchema) };
  }

  /**
   * Replaces the custom fields after checking them as untrusted input. With `version`, refuses
   * (409) when someone else changed them since that version was read.
   */
  async put(
    moduleId: string,
    recordType: string,
    change: { schema: unknown; uiSchema?: unknown; version?: number },
  ): Promise<FieldSetView> {
    await this.requireRecordType(moduleId, recordType);
    let prepared: ReturnType<typeof prepareFragment>;
    try {
      prepared = prepareFragment(change.schema, change.uiSchema ?? {});
    } catch (error) {
      if (!(error instanceof TenantSchemaError)) throw error;
      throw badRequest(CORE_ERRORS.CUSTOM_FIELDS_SCHEMA_REJECTED, 'The custom fields schema was rejected', error.problems);
    }
    const previous = await this.row(moduleId, recordType, true);
    const currentVersion = previous?.version ?? 0;
    if (change.version !== undefined && change.version !== currentVersion) {
      throw conflict(
        CORE_ERRORS.CUSTOM_FIELDS_VERSION_CONFLICT,
        `The custom fields changed meanwhile (now version ${currentVersion}); reload and apply the change again`,
        [{ path: 'body.version', message: `is not the current version ${currentVersion}` }],
      );
    }
    const values = { schema: JSON.stringify(prepared.schema), ui_schema: JSON.stringify(prepared.uiSchema) };
    const [row]: FieldSetRow[] = await this.ctx
      .trx('core_custom_field_set')
      .insert({ tenant_id: this.ctx.tenantId, module_id: moduleId, record_type: recordType, ...values, version: 1 })
      .onConflict(['tenant_id', 'module_id', 'record_type'])
      .merge({ ...values, version: this.ctx.trx.raw('core_custom_field_set.version + 1'), updated_at: new Date() }) // a value, not now(): docs/SCALING.md
      .returning(['schema', 'ui_schema', 'version', 'updated_at']);
    await auditTenant(this.ctx, {
      action: 'custom_fields.put',
      recordType: 'custom_field_set',
      recordId: `${moduleId}/${recordType}`,
      data: {
        version: row.version,
        fields: Object.keys(prepared.schema.properties),
        previousFields: previous ? Object.keys((previous.schema.properties ?? {}) as Record<string, unknown>) : [],
      },
    });
    return this.view(moduleId, recordType, row);
  }

  /** Drops the record type's custom fields (the tenant-config prune); stored values stay in records. */
  async remove(moduleId: string, recordType: string): Promise<void> {
    const deleted = await this.ctx.trx('core_custom_field_set').where({ module_id: moduleId, record_type: recordType }).delete();
    if (deleted === 0) throw notFound(CORE_ERRORS.CUSTOM_FIELDS_NOT_FOUND, `No custom fields on ${moduleId}/${recordType}`);
    await auditTenant(this.ctx, { action: 'custom_fields.delete', recordType: 'custom_field_set', recordId: `${moduleId}/${recordType}` });
  }

  /** 404 for an unknown module or record type, and for a module this tenant has not enabled. */
  private async requireRecordType(moduleId: string, recordType: string): Promise<ModuleRecordType> {
    const registry = this.ctx.registry;
    if (!registry.has(moduleId)) throw notFound(CORE_ERRORS.MODULE_NOT_FOUND, `No module "${moduleId}"`);
    const type = registry.get(moduleId).manifest.recordTypes.find((t) => t.id === recordType);
    if (!type) throw notFound(CORE_ERRORS.RECORD_TYPE_NOT_FOUND, `Module "${moduleId}" has no record type "${recordType}"`);
    const enabled = await this.ctx.trx('core_tenant_module').where({ module_id: moduleId, enabled: true }).first('module_id');
    if (!enabled) throw notFound(CORE_ERRORS.MODULE_NOT_ENABLED, `Module "${moduleId}" is not enabled for this tenant`);
    return type;
  }

  private async row(moduleId: string, recordType: string, forUpdate = false): Promise<FieldSetRow | undefined> {
    const query = this.ctx.trx('core_custom_field_set').where({ module_id: moduleId, record_type: recordType });
    if (forUpdate) query.forUpdate();
    return query.first('schema', 'ui_schema', 'version', 'updated_at');
  }

  private view(moduleId: string, recordType: string, row: FieldSetRow | undefined): FieldSetView {
    return {
      moduleId,
      recordType,
      schema: row?.schema ?? EMPTY_FRAGMENT,
      uiSchema: row?.ui_schema ?? {},
      version: row?.version ?? 0,
      updatedAt: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
    };
  }
}
