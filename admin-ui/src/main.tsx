import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import './i18n/i18n';
import { createQueryClient } from './api/query-client';
import { createAppRouter } from './app-routes';
import { AppErrorBoundary } from './components/app-error-boundary';
import { LocaleProvider } from './i18n/locale-provider';
import { ModuleUisContext } from './modules/module-uis-context';
import { moduleUis } from './modules/registry';
import { redirectToSignInOnUnauthorized } from './session-redirect';

const queryClient = createQueryClient();
const router = createAppRouter();
redirectToSignInOnUnauthorized(router, queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <ModuleUisContext.Provider value={moduleUis}>
            <RouterProvider router={router} />
          </ModuleUisContext.Provider>
        </QueryClientProvider>
      </AppErrorBoundary>
    </LocaleProvider>
  </StrictMode>,
);
