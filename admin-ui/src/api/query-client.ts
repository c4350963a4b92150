import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/**
 * Retries only what a retry can fix: no answer from the network. A 4xx will answer the same
 * again, and a 5xx is shown with a Retry button rather than hammered.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isApiError(error) && error.isNetworkError && failureCount < 3,
        // 0.5, 1, 2 s: a dropped connection gets its Retry button within a few seconds.
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 5_000),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
