/**
 * The `?next=` target after sign-in, accepted only inside `home` (the same tenant, or /platform),
 * so a crafted link cannot send a user elsewhere after they sign in.
 */
export function safeNext(next: string | null, home: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
  return next === home || next.startsWith(`${home}/`) || next.startsWith(`${home}?`) ? next : home;
}

/** Sign-in page address that comes back to `current` afterwards. */
export function loginUrlReturningTo(loginPath: string, current: string): string {
  return `${loginPath}?next=${encodeURIComponent(current)}`;
}
