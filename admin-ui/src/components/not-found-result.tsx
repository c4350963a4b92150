import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address that leads nowhere; `home` is where the button goes (the tenant's home inside a tenant). */
export function NotFoundResult({ home = '/' }: { home?: string }) {
  const { t } = useTranslation('errors');
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description')}
      extra={
        <Link to={home}>
          <Button type="primary">{t('actions.goHome', { ns: 'common' })}</Button>
        </Link>
      }
    />
  );
}
