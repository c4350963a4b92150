import { createContext, useContext } from 'react';
import type { TenantSession } from '../api/tenant-auth.api';

export interface TenantSessionValue extends TenantSession {
  /** The tenant of the URL (`/t/:tenant`). */
  slug: string;
}

export const TenantSessionContext = createContext<TenantSessionValue | null>(null);

/** The signed-in user, tenant and permissions; only inside RequireTenantSession. */
export function useTenantSession(): TenantSessionValue {
  const session = useContext(TenantSessionContext);
  if (!session) throw new Error('useTenantSession outside RequireTenantSession');
  return session;
}
