/** The module's permissions (manifest in module.ts): routes declare them, access checks read their scopes. */
export const PERMISSION = {
  report: 'grid-events.report',
  handle: 'grid-events.handle',
  manage: 'grid-events.manage',
  view: 'grid-events.view',
} as const;

/** Anyone who works with events in some way: reads categories, grids and the events they see. */
export const ANY_GRID_PERMISSION = [PERMISSION.report, PERMISSION.handle, PERMISSION.manage, PERMISSION.view];
