import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { homePath, loginPath, tenantScope } from '../api/api-scope';
import { tenantKeys } from '../api/query-keys';
import { signIn } from '../api/tenant-auth.api';
import { safeNext } from '../auth/safe-next';
import { CenteredPage } from '../components/centered-page';
import { SignInForm, type SignInValues } from '../components/sign-in-form';

/** `/t/:tenant/login`: a county's staff sign in, then go back where an expired session left them. */
export function TenantLoginPage() {
  const { t } = useTranslation('auth');
  const slug = useParams().tenant ?? '';
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scope = tenantScope(slug);

  const mutation = useMutation({
    mutationFn: ({ login, password }: SignInValues) => signIn(slug, login.trim(), password),
    onSuccess: async (session) => {
      // Nothing cached from an earlier user of this browser may show.
      queryClient.removeQueries({ queryKey: tenantKeys.all(slug) });
      queryClient.setQueryData(tenantKeys.session(slug), session);
      const next = safeNext(search.get('next'), homePath(scope));
      await navigate(next.startsWith(loginPath(scope)) ? homePath(scope) : next, { replace: true });
    },
  });

  return (
    <CenteredPage title={t('login.title')} subtitle={t('login.subtitle', { slug })}>
      <SignInForm
        loginLabel={t('login.login')}
        onSubmit={(values) => mutation.mutate(values)}
        pending={mutation.isPending}
        error={mutation.error}
      />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <Link to="/">{t('login.otherCounty')}</Link>
      </Typography.Paragraph>
    </CenteredPage>
  );
}
