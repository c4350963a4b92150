const localized = {
  type: 'object',
  required: ['zh-CN', 'en'],
  additionalProperties: false,
  properties: { 'zh-CN': { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

const moduleId = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}$' } as const;

/** What every module manifest must look like; checked at start before anything is mounted. */
export const manifestSchema = {
  type: 'object',
  required: ['id', 'version', 'name', 'description', 'dependsOn', 'permissions', 'configSchema', 'recordTypes', 'menu'],
  additionalProperties: false,
  properties: {
    id: moduleId,
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    name: localized,
    description: localized,
    dependsOn: { type: 'array', items: moduleId, uniqueItems: true },
    permissions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9_-]*)+$' }, name: localized },
      },
    },
    configSchema: { type: 'object' },
    configUiSchema: { type: 'object' },
    recordTypes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'schema'],
        additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' }, name: localized, schema: { type: 'object' } },
      },
    },
    menu: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'path'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          name: localized,
          path: { type: 'string', pattern: '^/' },
          permission: { anyOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { type: 'string' } }] },
        },
      },
    },
    emits: { type: 'array', items: { type: 'string' } },
  },
} as const;
