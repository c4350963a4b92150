import { errorResponses, tenantParams, tenantSlug } from '../schemas/common.schema.ts';

export const moduleParams = {
  type: 'object',
  required: ['tenant', 'moduleId'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, moduleId: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' } },
} as const;

const moduleView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    manifest: { type: 'object', additionalProperties: true },
    enabled: { type: 'boolean' },
    config: { type: 'object', additionalProperties: true },
  },
} as const;

export const listModulesRoute = {
  tags: ['modules'],
  summary: 'Installed modules with their manifests, and this tenant’s enablement and config',
  params: tenantParams,
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: moduleView } } }, ...errorResponses },
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
