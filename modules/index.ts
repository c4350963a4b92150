import type { PlatformModule } from '../core/module-kit.ts';
import { formsModule } from './forms/module.ts';
import { dispatchModule } from './dispatch/module.ts';
import { gridEventsModule } from './grid-events/module.ts';
import { approvalsModule } from './approvals/module.ts';
import { announcementsModule } from './announcements/module.ts';

/**
 * The installed modules, in one explicit list (no autoloading). Adding a module: create
 * `modules/<id>/module.ts`, import it here; its tables come from `modules/<id>/migrations/` (the module names the folder).
 */
export const installedModules: PlatformModule[] = [formsModule, dispatchModule, gridEventsModule, approvalsModule, announcementsModule];
