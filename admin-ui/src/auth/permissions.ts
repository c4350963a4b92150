import { useTenantSession } from './tenant-session-context';

/** Permission check for menus and pages; the server checks again on every call. */
export function useHasPermission(): (permission: string | undefined) => boolean {
  const { permissions } = useTenantSession();
  return (permission) => permission === undefined || permissions.includes(permission);
}
