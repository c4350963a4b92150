import type { DesignerCapabilities } from '../designer/designer-capabilities';

/**
 * What the designer offers for a record type's custom fields: the kinds core's custom-fields
 * service stores, checks and renders by itself. Not offered:
 * - person, unit and file answers: core checks custom values with the schema only, and would not
 *   know whether an id names one of the tenant's people, units or files (forms does, for forms);
 * - location and section: rendered by the forms module's own RJSF fields, which a record's form
 *   elsewhere does not have;
 * - "show when": such a field lives in an `if/then` branch, and custom fields refuse any value
 *   that is not a root property (`additionalProperties: false`). "Required when" stays.
 */
export const CUSTOM_FIELD_CAPABILITIES: DesignerCapabilities = {
  kinds: ['text', 'textarea', 'number', 'date', 'datetime', 'choice', 'multi', 'yesno', 'group'],
  columnKinds: ['text', 'textarea', 'number', 'date', 'choice', 'multi', 'yesno'],
  conditions: ['require'],
};
