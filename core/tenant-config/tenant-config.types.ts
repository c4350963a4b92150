import type { UnitKind } from '../org/org-kinds.ts';
import type { DataScopeKind } from '../auth/auth.types.ts';

// Type aliases, not interfaces: route response types need their implicit index signature.
/**
 * A tenant's whole setup, as described by `tenant-config/schema.json` (the schema is the contract;
 * these types mirror it for the code). Optional sections are absent in a hand-written file when
 * there is nothing to say; an export always writes every section.
 */
export type TenantConfig = {
  $schema?: string;
  version: 1;
  profile: ConfigProfile;
  units?: ConfigUnit[];
  positions?: string[];
  people?: ConfigPerson[];
  roles?: ConfigRole[];
  admins?: ConfigAdmin[];
  modules?: ConfigModule[];
  customFields?: ConfigCustomFieldSet[];
  /** Reserved for the forms module, which will own the shape of each entry. */
  forms?: Record<string, unknown>[];
};

export type ConfigProfile = {
  slug: string;
  name: string;
  locale?: 'zh-CN' | 'en';
  timeZone?: string;
  logoUrl?: string | null;
};

export type ConfigUnit = {
  name: string;
  kind: UnitKind;
  code?: string;
  children?: ConfigUnit[];
};

export type ConfigPerson = {
  name: string;
  phone: string;
  /** A unit code, or `/root/child/...` names for a unit without a code. */
  unit: string;
  position?: string;
  /** Username of the person's own (non-admin) sign-in account. */
  account?: string;
};

export type ConfigRole = {
  name: string;
  description?: string;
  grants: { permission: string; scope: DataScopeKind }[];
  /** Phones of the people holding the role. */
  members?: string[];
};

export type ConfigAdmin = {
  username: string;
  displayName: string;
  phone?: string;
};

export type ConfigModule = {
  id: string;
  config?: Record<string, unknown>;
  /** The module's own records (its `configData`), in the shape its schema gives. */
  data?: unknown;
};

export type ConfigCustomFieldSet = {
  module: string;
  recordType: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
};
