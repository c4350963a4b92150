import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loginPath, tenantScope } from '../api/api-scope';
import { clearCsrfToken } from '../api/csrf-token-store';
import { tenantKeys } from '../api/query-keys';
import { signOut } from '../api/tenant-auth.api';
import { useTenantSession } from '../auth/tenant-session-context';

/** Ends the server session, forgets everything cached for the tenant, goes to its sign-in page. */
export function useSignOut() {
  const { slug } = useTenantSession();
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => signOut(slug),
    onSuccess: async () => {
      clearCsrfToken(tenantScope(slug));
      await navigate(loginPath(tenantScope(slug)), { replace: true });
      queryClient.removeQueries({ queryKey: tenantKeys.all(slug) });
      message.success(t('logout.done'));
    },
    onError: () => message.error(t('logout.failed')),
  });
}
