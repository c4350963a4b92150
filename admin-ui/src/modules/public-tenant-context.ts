import { createContext, useContext } from 'react';

export interface PublicTenantValue {
  /** The tenant of the address (`/public/t/:tenant/...`): whose public API the page calls. */
  slug: string;
}

export const PublicTenantContext = createContext<PublicTenantValue | null>(null);

/** The tenant of a public page (no sign-in); only inside the pages of `ModuleUi.publicRoutes`. */
export function usePublicTenant(): PublicTenantValue {
  const value = useContext(PublicTenantContext);
  if (!value) throw new Error('usePublicTenant outside a public module page');
  return value;
}
