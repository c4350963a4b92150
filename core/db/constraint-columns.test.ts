import { describe, expect, it } from 'vitest';
import { columnsOfConstraint } from './constraint-columns.ts';

describe('a violated constraint still names its fields on Citus', () => {
  const map = new Map([
    ['core_person_phone_unique', ['tenant_id', 'phone']],
    ['forms_form_code_2024_unique', ['tenant_id', 'code']],
  ]);

  it('finds the columns by the constraint name PostgreSQL gives', () => {
    expect(columnsOfConstraint(map, 'core_person_phone_unique')).toEqual(['tenant_id', 'phone']);
  });

  it('finds them by the name of a shard’s copy, with the shard id appended', () => {
    expect(columnsOfConstraint(map, 'core_person_phone_unique_102074')).toEqual(['tenant_id', 'phone']);
  });

  it('knows nothing of constraints that do not exist, and keeps names that end in digits of their own', () => {
    expect(columnsOfConstraint(map, 'other_102074')).toBeUndefined();
    expect(columnsOfConstraint(map, undefined)).toBeUndefined();
    expect(columnsOfConstraint(new Map([['t_2024', ['year']]]), 't_2024')).toEqual(['year']);
  });
});
