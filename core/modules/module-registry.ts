import type { ValidateFunction } from 'ajv';
import { createAjv } from '../schemas/ajv.ts';
import { compileTenantSchema } from '../schemas/tenant-schema-guard.ts';
import { detailsFromAjv } from '../http/error-handler.ts';
import type { ExportRunner, FileAccessCheck, ModuleManifest, PlatformModule } from './contract.ts';
import { manifestSchema } from './manifest.schema.ts';
import { CORE_PERMISSIONS } from '../auth/core-permissions.ts';
import { coreMessages } from '../notify/core-messages.ts';
import { MessageCatalogues } from '../notify/messages.ts';

const manifestAjv = createAjv('tenant');
const validateManifest = manifestAjv.compile(manifestSchema);

/**
 * The installed modules, checked once at start: manifests valid, ids unique, dependencies
 * installed and acyclic, permissions prefixed with the module id, config schemas safe.
 * A broken module stops the platform from starting, with the reason.
 */
export class ModuleRegistry {
  private readonly byId = new Map<string, PlatformModule>();
  private readonly configValidators = new Map<string, ValidateFunction>();
  private readonly configDataValidators = new Map<string, ValidateFunction>();
  /** Core's and every installed module's notification messages, checked here (both languages, same placeholders). */
  readonly messages: MessageCatalogues;

  constructor(readonly modules: PlatformModule[]) {
    for (const module of modules) this.add(module);
    for (const module of modules) this.checkDependencies(module.manifest);
    this.topologicalOrder();
    this.messages = new MessageCatalogues([coreMessages.catalogue, ...modules.flatMap((m) => (m.messages ? [m.messages] : []))]);
  }

  private add(module: PlatformModule): void {
    const manifest = module.manifest;
    if (!validateManifest(manifest)) {
      const details = detailsFromAjv('manifest', validateManifest.errors ?? []);
      throw new Error(
        `Module manifest "${String((manifest as { id?: unknown }).id)}" is invalid: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      );
    }
    if (this.byId.has(manifest.id)) throw new Error(`Module "${manifest.id}" is installed twice`);
    for (const name of Object.keys(module.provides ?? {})) {
      if (!name.startsWith(`${manifest.id}.`))
        throw new Error(`Module "${manifest.id}": service "${name}" must start with "${manifest.id}."`);
    }
    for (const permission of manifest.permissions) {
      if (!permission.id.startsWith(`${manifest.id}.`))
        throw new Error(`Module "${manifest.id}": permission "${permission.id}" must start with "${manifest.id}."`);
    }
    if (module.messages && module.messages.namespace !== manifest.id)
      throw new Error(
        `Module "${manifest.id}": its messages must be defined with the namespace "${manifest.id}", not "${module.messages.namespace}"`,
      );
    this.configValidators.set(manifest.id, compileTenantSchema(manifest.configSchema, `${manifest.id}.configSchema`));
    if (module.configData)
      this.configDataValidators.set(manifest.id, compileTenantSchema(module.configData.schema, `${manifest.id}.configData`));
    for (const recordType of manifest.recordTypes) compileTenantSchema(recordType.schema, `${manifest.id}.recordTypes.${recordType.id}`);
    this.byId.set(manifest.id, module);
  }

  private checkDependencies(manifest: ModuleManifest): void {
    for (const dependency of manifest.dependsOn) {
      if (!this.byId.has(dependency)) throw new Error(`Module "${manifest.id}" depends on "${dependency}", which is not installed`);
    }
  }

  /** Modules in dependency order; throws on a cycle. */
  topologicalOrder(): PlatformModule[] {
    const order: PlatformModule[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, trail: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') throw new Error(`Module dependency cycle: ${[...trail, id].join(' -> ')}`);
      state.set(id, 'visiting');
      const module = this.get(id);
      for (const dependency of module.manifest.dependsOn) visit(dependency, [...trail, id]);
      state.set(id, 'done');
      order.push(module);
    };
    for (const module of this.modules) visit(module.manifest.id, []);
    return order;
  }

  /** A service another module `provides`, by name; undefined when no installed module offers it. */
  service(name: string): { moduleId: string; service: unknown } | undefined {
    for (const module of this.modules) {
      if (module.provides && name in module.provides) return { moduleId: module.manifest.id, service: module.provides[name] };
    }
    return undefined;
  }

  /** The module's check for readers of one kind of its records (see `PlatformModule.fileAccess`). */
  fileAccess(moduleId: string, kind: string): FileAccessCheck | undefined {
    const checks = this.byId.get(moduleId)?.fileAccess;
    return checks && Object.hasOwn(checks, kind) ? checks[kind] : undefined;
  }

  /** What writes one kind of the module's exports (see `PlatformModule.exportRunners`). */
  exportRunner(moduleId: string, kind: string): ExportRunner | undefined {
    const runners = this.byId.get(moduleId)?.exportRunners;
    return runners && Object.hasOwn(runners, kind) ? runners[kind] : undefined;
  }

  get(id: string): PlatformModule {
    const module = this.byId.get(id);
    if (!module) throw new Error(`Module "${id}" is not installed`);
    return module;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Modules that depend on `id` directly. */
  dependents(id: string): string[] {
    return this.modules.filter((m) => m.manifest.dependsOn.includes(id)).map((m) => m.manifest.id);
  }

  /** Validates a tenant's config (defaults filled in, on a copy); returns it or the problems. */
  validateConfig(
    id: string,
    config: unknown,
  ): { ok: true; config: Record<string, unknown> } | { ok: false; details: ReturnType<typeof detailsFromAjv> } {
    const validate = this.configValidators.get(id);
    if (!validate) throw new Error(`Module "${id}" is not installed`);
    const copy = structuredClone(config ?? {});
    if (validate(copy)) return { ok: true, config: copy as Record<string, unknown> };
    return { ok: false, details: detailsFromAjv('body.config', validate.errors ?? []) };
  }

  /** Checks a module's tenant-config data (`modules[i].data`); problems are named below `path`. */
  validateConfigData(id: string, data: unknown, path: string): { path: string; message: string }[] {
    const validate = this.configDataValidators.get(id);
    if (!validate) return [{ path, message: `module "${id}" takes no data in a configuration file` }];
    if (validate(structuredClone(data))) return [];
    return detailsFromAjv(path, validate.errors ?? []);
  }

  defaultConfig(id: string): Record<string, unknown> {
    const result = this.validateConfig(id, {});
    return result.ok ? result.config : {};
  }

  /** Every permission a tenant can grant: core's and each module's. */
  allPermissions(): { id: string; moduleId: string | null; name: { 'zh-CN': string; en: string } }[] {
    return [
      ...CORE_PERMISSIONS.map((p) => ({ ...p, moduleId: null })),
      ...this.modules.flatMap((m) => m.manifest.permissions.map((p) => ({ ...p, moduleId: m.manifest.id }))),
    ];
  }
}
