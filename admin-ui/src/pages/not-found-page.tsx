import { NotFoundResult } from '../components/not-found-result';

export function NotFoundPage() {
  return <NotFoundResult />;
}
