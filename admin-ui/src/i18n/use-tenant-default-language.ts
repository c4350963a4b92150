import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, storedLanguage } from './languages';

/**
 * A tenant may default to English (its `locale`); a language the user picked on this browser
 * wins, and the tenant's default is not stored as their choice.
 */
export function useTenantDefaultLanguage(tenantLocale: string | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!storedLanguage() && isLanguage(tenantLocale) && i18n.resolvedLanguage !== tenantLocale) void i18n.changeLanguage(tenantLocale);
  }, [tenantLocale, i18n]);
}
