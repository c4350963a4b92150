import { errorResponses, tenantParams } from '../schemas/common.schema.ts';

/** The configuration document: checked against tenant-config/schema.json by the service, not by the route. */
const configDocument = {
  type: 'object',
  additionalProperties: true,
  description: 'A tenant configuration as described by tenant-config/schema.json',
} as const;

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;

const applyReport = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    tenantCreated: { type: 'boolean' },
    dryRun: { type: 'boolean' },
    prune: { type: 'boolean' },
    total: { type: 'integer', description: 'Number of changes; 0 when the tenant already matched the file' },
    summary: { type: 'object', additionalProperties: counts, description: 'Counts per kind and operation, e.g. {"unit": {"create": 12}}' },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          op: { type: 'string', enum: ['create', 'update', 'remove'] },
          kind: { type: 'string' },
          key: { type: 'string' },
          fields: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    generatedPasswords: {
      type: 'array',
      description: 'Admins created by this apply with their generated password, shown only here (empty on a dry run)',
      items: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } } },
    },
  },
} as const;

export const exportConfigRoute = {
  tags: ['tenant-config'],
  summary: "Export the tenant's whole setup as a tenant-config file (tenant admins only)",
  description: 'Deterministic: the same data gives the same document. Sent as an attachment `<slug>.tenant-config.json`.',
  params: tenantParams,
  response: { 200: configDocument, ...errorResponses },
} as const;

export const applyConfigRoute = {
  tags: ['tenant-config'],
  summary: 'Apply a tenant-config file to this tenant (tenant admins only), all or nothing',
  description:
    'Additive and updating: units matched by code, people by phone (their staff accounts by username), roles by name, admins by username. `prune=true` also removes what the file does not list (never accounts). `dryRun=true` reports what would change and changes nothing. Problems are 400 `TENANT_CONFIG_INVALID` with details naming JSON paths inside the file (`units[3].code`), not `body.…`.',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      dryRun: { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
    },
  },
  body: configDocument,
  response: { 200: applyReport, ...errorResponses },
} as const;
