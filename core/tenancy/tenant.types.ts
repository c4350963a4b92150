export type TenantStatus = 'active' | 'suspended';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  locale: string;
  logoUrl: string | null;
  /** IANA time zone of the county (Asia/Shanghai by default): times are shown and exported in it. */
  timeZone: string;
}
