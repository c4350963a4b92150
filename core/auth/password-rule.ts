/** Passwords: 8–128 characters. Its own file: route schemas name it, and the web app type-checks them. */
export const passwordSchema = { type: 'string', minLength: 8, maxLength: 128 } as const;
