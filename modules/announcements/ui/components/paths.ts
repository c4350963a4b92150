/** The module's pages below the tenant, as absolute paths (a relative `..` from `manage/new` would land in `manage/manage`). */
export const pagePath = (slug: string, page: string) => `/t/${slug}/announcements/${page}`;
