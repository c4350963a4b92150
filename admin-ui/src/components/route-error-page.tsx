import { useRouteError } from 'react-router';
import { ErrorResult } from './error-result';

/**
 * The router's error element: a page that failed to render or a code chunk that failed to
 * download (offline, or replaced by a newer build). Retry reloads, which fetches current chunks.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  return <ErrorResult error={error} onRetry={() => window.location.reload()} />;
}
