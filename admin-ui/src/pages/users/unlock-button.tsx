import { UnlockOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnlockUserAccount, type UserAccount } from '../../api/users.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useUserErrors } from './use-user-errors';

/** Shown on a locked account: lifts the sign-in lock at once, from every address. */
export function UnlockButton({ user }: { user: UserAccount }) {
  const { t } = useTranslation('users');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const errors = useUserErrors();
  const unlock = useUnlockUserAccount(slug);
  return (
    <Button
      type="link"
      size="small"
      icon={<UnlockOutlined />}
      loading={unlock.isPending}
      aria-label={t('list.unlockOf', { username: user.username })}
      onClick={() =>
        unlock.mutate(user.id, {
          onSuccess: () => void message.success(t('list.unlocked', { username: user.username })),
          onError: errors.show,
        })
      }
    >
      {t('list.unlock')}
    </Button>
  );
}
