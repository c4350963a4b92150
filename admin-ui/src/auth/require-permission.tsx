import type { ReactNode } from 'react';
import { NoAccessResult } from '../components/no-access-result';
import { useHasPermission } from './permissions';

/** A page the user's roles do not allow shows "no access" (typed URL or stale link; the menu hides it). */
export function RequirePermission({ permission, children }: { permission: string | undefined; children: ReactNode }) {
  const hasPermission = useHasPermission();
  return hasPermission(permission) ? children : <NoAccessResult />;
}
