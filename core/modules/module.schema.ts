import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, tenantSlug } from '../schemas/common.schema.ts';

export const moduleParams = {
  type: 'object',
  required: ['tenant', 'moduleId'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, moduleId: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' } },
} as const;

/** Any JSON object (a JSON Schema, a uiSchema, a config), sent as it is. */
const jsonObject = { type: 'object', additionalProperties: true } as const;

/** A text in both UI languages. */
const localizedText = responseObject({ 'zh-CN': { type: 'string' }, en: { type: 'string' } });

/**
 * A module's manifest as served: every field of core/modules/contract.ts ModuleManifest (each
 * manifest was checked against manifest.schema.ts at start, so it holds nothing else).
 */
const manifestView = responseObject(
  {
    id: { type: 'string' },
    version: { type: 'string' },
    name: localizedText,
    description: localizedText,
    dependsOn: { type: 'array', items: { type: 'string' } },
    permissions: { type: 'array', items: responseObject({ id: { type: 'string' }, name: localizedText }) },
    configSchema: jsonObject,
    configUiSchema: jsonObject,
    recordTypes: {
      type: 'array',
      description: 'Records of the module that tenant admins may extend with custom fields',
      items: responseObject({ id: { type: 'string' }, name: localizedText, schema: jsonObject }),
    },
    menu: {
      type: 'array',
      items: responseObject(
        {
          id: { type: 'string' },
          name: localizedText,
          path: { type: 'string', description: 'Path below the tenant, e.g. `/dispatch/tasks`' },
          permission: {
            description: 'Shown to holders of this permission, or of any one of a list',
            anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
          },
        },
        ['permission'],
      ),
    },
    emits: { type: 'array', items: { type: 'string' } },
  },
  ['configUiSchema', 'emits'],
);
export type ModuleManifestView = FromSchema<typeof manifestView>;

/** An installed module with this tenant's enablement and config. */
const moduleView = responseObject({
  id: { type: 'string' },
  manifest: manifestView,
  enabled: { type: 'boolean' },
  config: jsonObject,
});
export type TenantModuleView = FromSchema<typeof moduleView>;

const moduleList = responseObject({ items: { type: 'array', items: moduleView } });
export type TenantModuleList = FromSchema<typeof moduleList>;

export const listModulesRoute = {
  tags: ['modules'],
  summary: 'Installed modules with their manifests, and this tenant’s enablement and config',
  params: tenantParams,
  response: { 200: moduleList, ...errorResponses },
} as const;

export const toggleModuleRoute = {
  tags: ['modules'],
  summary: 'Enable or disable a module for this tenant (dependencies are enforced both ways)',
  params: moduleParams,
  response: { 200: moduleView, ...errorResponses },
} as const;

export const configureModuleRoute = {
  tags: ['modules'],
  summary: 'Set the module’s config for this tenant, validated by the module’s configSchema',
  params: moduleParams,
  body: {
    type: 'object',
    required: ['config'],
    additionalProperties: false,
    properties: { config: { type: 'object', additionalProperties: true } },
  },
  response: { 200: moduleView, ...errorResponses },
} as const;
