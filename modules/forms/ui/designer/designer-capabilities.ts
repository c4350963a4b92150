import { createContext, useContext } from 'react';
import { COLUMN_KINDS, FIELD_KINDS, type FieldKind } from './designer-model';

export type ConditionMode = 'show' | 'require';

/**
 * What the designer may offer where it is mounted. A form offers everything; the custom fields of
 * a record type only what core's custom-fields service stores and checks (see
 * ../custom-fields/custom-field-capabilities.ts).
 */
export interface DesignerCapabilities {
  /** The palette's field kinds. */
  kinds: readonly FieldKind[];
  /** What a repeating group's columns may be. */
  columnKinds: readonly FieldKind[];
  /** The conditions a field may have. */
  conditions: readonly ConditionMode[];
}

export const FORM_CAPABILITIES: DesignerCapabilities = { kinds: FIELD_KINDS, columnKinds: COLUMN_KINDS, conditions: ['show', 'require'] };

export const DesignerCapabilitiesContext = createContext<DesignerCapabilities>(FORM_CAPABILITIES);

export const useDesignerCapabilities = () => useContext(DesignerCapabilitiesContext);
