/** The module's permissions (manifest in module.ts). Reading notices needs none: being addressed is what counts. */
export const PERMISSION = {
  publish: 'announcements.publish',
} as const;

export const MODULE_ID = 'announcements';
