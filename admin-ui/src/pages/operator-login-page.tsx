import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { operatorSignIn } from '../api/operator-auth.api';
import { platformKeys } from '../api/query-keys';
import { safeNext } from '../auth/safe-next';
import { CenteredPage } from '../components/centered-page';
import { SignInForm, type SignInValues } from '../components/sign-in-form';

/** `/platform/login`: platform operators (not county staff) sign in. */
export function OperatorLoginPage() {
  const { t } = useTranslation('auth');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ login, password }: SignInValues) => operatorSignIn(login.trim(), password),
    onSuccess: async (session) => {
      queryClient.removeQueries({ queryKey: platformKeys.all });
      queryClient.setQueryData(platformKeys.session, session);
      const next = safeNext(search.get('next'), '/platform');
      await navigate(next.startsWith('/platform/login') ? '/platform' : next, { replace: true });
    },
  });
  return (
    <CenteredPage title={t('operatorLogin.title')} subtitle={t('operatorLogin.subtitle')}>
      <SignInForm
        loginLabel={t('operatorLogin.login')}
        onSubmit={(values) => mutation.mutate(values)}
        pending={mutation.isPending}
        error={mutation.error}
      />
    </CenteredPage>
  );
}
