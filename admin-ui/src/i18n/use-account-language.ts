import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { tenantKeys } from '../api/query-keys';
import { saveAccountLanguage, type TenantSession } from '../api/tenant-auth.api';
import { useTenantSession } from '../auth/tenant-session-context';
import { isLanguage, storeLanguage, storedLanguage, type Language } from './languages';

/**
 * The language of a signed-in session: the one the user saved for their account (from any
 * device) wins and is remembered on this browser; without one, a language picked on this browser
 * stays, else the county's default applies (not stored as the user's choice).
 */
export function useSessionLanguage(session: Pick<TenantSession, 'user' | 'tenant'> | undefined): void {
  const { i18n } = useTranslation();
  const own = session?.user.locale;
  const county = session?.tenant.locale;
  useEffect(() => {
    if (isLanguage(own)) {
      storeLanguage(own);
      if (i18n.resolvedLanguage !== own) void i18n.changeLanguage(own);
    } else if (!storedLanguage() && isLanguage(county) && i18n.resolvedLanguage !== county) {
      void i18n.changeLanguage(county);
    }
  }, [own, county, i18n]);
}

/**
 * What the signed-in language switch does besides switching: saves the choice for the account, so
 * the server writes notifications and SMS in it, and reads the inbox again in it.
 */
export function useSaveAccountLanguage(): (language: Language) => void {
  const { slug } = useTenantSession();
  const queryClient = useQueryClient();
  return (language) => {
    saveAccountLanguage(slug, language).then(
      (session) => {
        queryClient.setQueryData(tenantKeys.session(slug), session);
        void queryClient.invalidateQueries({ queryKey: [...tenantKeys.all(slug), 'notifications'] });
      },
      // Not saved (offline): the page still switches; the account keeps its language until the next switch.
      () => undefined,
    );
  };
}
