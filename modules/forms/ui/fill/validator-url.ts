import { tenantApiUrl } from '../../../../admin-ui/src/module-kit';

/** The browser validator module of a frozen version (modules/forms/server/validator.routes.ts). */
export const versionValidatorUrl = (slug: string, formId: string, version: number) =>
  tenantApiUrl(slug, `/forms/forms/${encodeURIComponent(formId)}/versions/${version}/validator.js`);
