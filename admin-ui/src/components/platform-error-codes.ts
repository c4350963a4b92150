import type { TFunction } from 'i18next';
import { CORE_ERRORS } from '../../../core/schemas/error-codes';

/** Codes core answers on any page (core/auth/grant-guard.ts, core/auth/session-auth.ts), worded in `errors.codes`. */
const PLATFORM_CODES = [CORE_ERRORS.PRIVILEGE_EXCEEDED, CORE_ERRORS.ADMIN_ONLY, CORE_ERRORS.AUTH_PASSWORD_CHANGE_REQUIRED] as const;
type PlatformCode = (typeof PLATFORM_CODES)[number];

const isPlatformCode = (code: string): code is PlatformCode => (PLATFORM_CODES as readonly string[]).includes(code);

/** The reader's wording of a platform-wide error code; undefined for any other code. */
export function platformCodeText(t: TFunction<'errors'>, code: string): string | undefined {
  return isPlatformCode(code) ? t(`codes.${code}`) : undefined;
}
