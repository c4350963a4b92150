import { scopeBase, tenantScope } from '../../../../admin-ui/src/api/api-scope';

/** The browser validator module of a frozen version (modules/forms/server/validator.routes.ts). */
export const versionValidatorUrl = (slug: string, formId: string, version: number) =>
  `${scopeBase(tenantScope(slug))}/forms/forms/${encodeURIComponent(formId)}/versions/${version}/validator.js`;
