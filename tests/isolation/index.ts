import type { IsolationSuite } from '../helpers/cross-tenant.ts';
import { coreIsolation } from './core.isolation.ts';
import { orgIsolation } from './org.isolation.ts';
import { formsIsolation } from './forms.isolation.ts';
import { tenantConfigIsolation } from './tenant-config.isolation.ts';
import { directoryIsolation } from './directory.isolation.ts';
import { dispatchIsolation } from './dispatch.isolation.ts';
import { adminConsoleIsolation } from './admin-console.isolation.ts';

/**
 * Every area's cross-tenant cases. A module adds `tests/isolation/<module>.isolation.ts` and a line
 * here; tests/api/cross-tenant.test.ts fails for any tenant route that no suite covers.
 */
export const isolationSuites: IsolationSuite[] = [coreIsolation, orgIsolation, tenantConfigIsolation, formsIsolation, directoryIsolation, dispatchIsolation, adminConsoleIsolation];
