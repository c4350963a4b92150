import type { DesignerField } from '../../designer/designer-model';

/** The field with `patch` applied; a property set to undefined (or '') is removed, not kept empty. */
export function patchField(field: DesignerField, patch: Partial<DesignerField>): DesignerField {
  const next: DesignerField = { ...field, ...patch };
  for (const key of Object.keys(patch) as (keyof DesignerField)[]) {
    if (next[key] === undefined || next[key] === '' || next[key] === null) delete next[key];
  }
  return next;
}

export const numberOrUndefined = (value: number | string | null) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
