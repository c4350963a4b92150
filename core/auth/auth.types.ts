export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  isTenantAdmin: boolean;
  mustChangePassword: boolean;
  /** The language the user chose (`zh-CN`, `en`); null: the county's. */
  locale: string | null;
  sessionId: string;
  csrfToken: string;
}

export type DataScopeKind = 'own_unit' | 'unit_subtree' | 'tenant';
