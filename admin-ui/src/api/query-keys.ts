/** Query keys start with the scope, so a sign-out can drop everything of that scope at once. */
export const tenantKeys = {
  all: (slug: string) => ['tenant', slug] as const,
  session: (slug: string) => ['tenant', slug, 'session'] as const,
  modules: (slug: string) => ['tenant', slug, 'modules'] as const,
  unreadCount: (slug: string) => ['tenant', slug, 'notifications', 'unread-count'] as const,
  notifications: (slug: string) => ['tenant', slug, 'notifications', 'recent'] as const,
};

export const platformKeys = {
  all: ['platform'] as const,
  session: ['platform', 'session'] as const,
};
