import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { tenantKeys } from '../api/query-keys';
import { fetchTenantSession } from '../api/tenant-auth.api';
import { ErrorResult } from '../components/error-result';
import { PageLoading } from '../components/page-loading';
import { useSessionLanguage } from '../i18n/use-account-language';
import { setCountyTimeZone } from '../time/county-time';
import { TenantSessionContext } from './tenant-session-context';
import { CORE_ERRORS } from '../../../core/schemas/error-codes';

/**
 * Guards every signed-in tenant page: asks `/auth/me` (which also hands back the CSRF token after
 * a reload). A 401 is sent to the sign-in page by the API client; other failures show why, with Retry.
 */
export function RequireTenantSession() {
  const slug = useParams().tenant ?? '';
  const { t } = useTranslation('errors');
  const session = useQuery({ queryKey: tenantKeys.session(slug), queryFn: ({ signal }) => fetchTenantSession(slug, signal) });
  useSessionLanguage(session.data);

  if (session.data) {
    // Before the pages render: every time they show is read in the county's zone.
    setCountyTimeZone(session.data.tenant.timeZone);
    return (
      <TenantSessionContext.Provider value={{ ...session.data, slug }}>
        <Outlet />
      </TenantSessionContext.Provider>
    );
  }
  const error = session.error;
  if (!error || (isApiError(error) && error.status === 401)) return <PageLoading />;
  if (isApiError(error) && error.code === CORE_ERRORS.TENANT_NOT_FOUND)
    return <Result status="404" title={t('tenantNotFound.title')} subTitle={t('tenantNotFound.description', { slug })} />;
  if (isApiError(error) && error.code === CORE_ERRORS.TENANT_SUSPENDED)
    return <Result status="403" title={t('tenantSuspended.title')} subTitle={t('tenantSuspended.description')} />;
  return <ErrorResult error={error} onRetry={() => void session.refetch()} />;
}
