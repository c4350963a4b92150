import { useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { isApiError } from '../api/api-error';
import { fetchOperatorSession } from '../api/operator-auth.api';
import { platformKeys } from '../api/query-keys';
import { ErrorResult } from '../components/error-result';
import { PageLoading } from '../components/page-loading';
import { OperatorSessionContext } from './operator-session-context';

/** Guards the operator pages like RequireTenantSession guards a tenant's. */
export function RequireOperatorSession() {
  const session = useQuery({ queryKey: platformKeys.session, queryFn: ({ signal }) => fetchOperatorSession(signal) });
  if (session.data) {
    return (
      <OperatorSessionContext.Provider value={session.data}>
        <Outlet />
      </OperatorSessionContext.Provider>
    );
  }
  if (!session.error || (isApiError(session.error) && session.error.status === 401)) return <PageLoading />;
  return <ErrorResult error={session.error} onRetry={() => void session.refetch()} />;
}
