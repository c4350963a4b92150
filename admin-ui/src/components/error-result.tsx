import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { platformCodeText } from './platform-error-codes';

interface ErrorResultProps {
  error: unknown;
  /** Shown as a Retry button: a failed load must never leave a blank page. */
  onRetry?: () => void;
}

/** A failed load, explained by kind (no connection, no access, not found, server trouble), with Retry. */
export function ErrorResult({ error, onRetry }: ErrorResultProps) {
  const { t } = useTranslation('errors');
  const retry = onRetry && (
    <Button type="primary" onClick={onRetry}>
      {t('actions.retry', { ns: 'common' })}
    </Button>
  );
  if (isApiError(error) && error.isNetworkError) {
    return <Result status="warning" title={t('network.title')} subTitle={t('network.description')} extra={retry} />;
  }
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title={t('forbidden.title')} subTitle={platformCodeText(t, error.code) ?? t('forbidden.description')} />;
  }
  if (isApiError(error) && error.status === 404) {
    return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.description')} />;
  }
  const code = isApiError(error) ? error.code : 'CLIENT_ERROR';
  return <Result status="error" title={t('unexpected.title')} subTitle={t('unexpected.description', { code })} extra={retry} />;
}
