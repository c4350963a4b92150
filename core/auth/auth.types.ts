export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  isTenantAdmin: boolean;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

export type DataScopeKind = 'own_unit' | 'unit_subtree' | 'tenant';
