import type { PlatformModule } from '../core/module-kit.ts';
import { formsModule } from './forms/module.ts';
import { dispatchModule } from './dispatch/module.ts';

/**
 * The installed modules, in one explicit list (no autoloading). Adding a module: create
 * `modules/<id>/module.ts`, import it here, add `migrations/<id>/` if it has tables.
 */
export const installedModules: PlatformModule[] = [formsModule, dispatchModule];
