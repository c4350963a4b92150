import type { ComponentType, ReactNode } from 'react';
import type { LocalizedText } from '../api/localized-text';

/**
 * What a module contributes to the web app, exported from `modules/<id>/ui/index.ts(x)` and
 * listed in `admin-ui/src/modules/registry.ts`. The shell mounts it under `/t/:tenant/<id>/`
 * only when the module is enabled for the tenant, and loads each page on first visit
 * (its own code chunk), so a module's code never weighs on the shell's first load.
 *
 * What the menu holds stays in the module's manifest (server side, `manifest.menu`, with its
 * permissions): the UI side only dresses those entries.
 */
export interface ModuleUi {
  routes: ModuleUiRoute[];
  menu?: ModuleUiMenuDecoration[];
  widgets?: ModuleUiWidget[];
}

/** A lazily loaded page module: the default export is the page (React.lazy's convention). */
export type LazyComponentModule<Props = object> = Promise<{ default: ComponentType<Props> }>;

export interface ModuleUiRoute {
  /**
   * Below `/t/:tenant/<module id>/`, in react-router syntax: `''` for the module's index,
   * `tasks`, `tasks/:id`.
   */
  path: string;
  /** e.g. `() => import('./pages/task-list-page')`. */
  load: () => LazyComponentModule;
  /** The page shows "no access" to users without it (the API refuses them anyway). */
  permission?: string;
}

/** Presentation of one `manifest.menu` entry, matched by its id. */
export interface ModuleUiMenuDecoration {
  id: string;
  icon?: ReactNode;
}

export interface ModuleWidgetProps {
  tenantSlug: string;
}

/** A card on the tenant's home page. */
export interface ModuleUiWidget {
  id: string;
  title: LocalizedText;
  /** Shown only to users holding it. */
  permission?: string;
  load: () => LazyComponentModule<ModuleWidgetProps>;
}
