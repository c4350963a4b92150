/** The module's permissions (manifest in module.ts). Deciding needs none: being the approver of the task is the right. */
export const PERMISSION = {
  apply: 'approvals.apply',
  manage: 'approvals.manage',
} as const;
