import { createPosition, updatePosition } from '../org/position.service.ts';
import { createPerson, updatePerson, type PersonChanges } from '../org/person.service.ts';
import type { OrgContext } from '../org/org-context.ts';
import type { ReportBuilder } from './apply-report.ts';
import type { ConfigPerson } from './tenant-config.types.ts';
import { at } from './apply-step.ts';
import { compareDisplay, loadPeople, loadPositions, loadUnits } from './tenant-state.ts';
import { unitIdsByRef } from './unit-refs.ts';
import { invalidConfig } from './tenant-config-validator.ts';

/** Positions by name, in the file's order (kept when `sort` already gives it, as for units). */
export async function applyPositions(ctx: OrgContext, names: string[], report: ReportBuilder): Promise<void> {
  const existing = new Map((await loadPositions(ctx.trx)).map((p) => [p.name, p]));
  const keys = names.map((name, i) => ({ sort: existing.get(name)?.sort ?? i, name }));
  const inOrder = keys.every((key, i) => i === 0 || compareDisplay(keys[i - 1], key) < 0);
  for (const [i, name] of names.entries()) {
    const position = existing.get(name);
    const sort = inOrder ? keys[i].sort : i;
    if (!position) {
      await at(`positions[${i}]`, () => createPosition(ctx, { name, sort }));
      report.add('create', 'position', name);
    } else if (position.sort !== sort) {
      await at(`positions[${i}]`, () => updatePosition(ctx, position.id, { sort }));
      report.add('update', 'position', name, ['sort']);
    }
  }
}

/** People by phone: created, or their name, unit and position brought to the file's. */
export async function applyPeople(ctx: OrgContext, people: ConfigPerson[], report: ReportBuilder): Promise<void> {
  const unitIds = unitIdsByRef(await loadUnits(ctx.trx));
  const positionIds = new Map((await loadPositions(ctx.trx)).map((p) => [p.name, p.id]));
  const existing = new Map((await loadPeople(ctx.trx)).map((p) => [p.phone, p]));
  for (const [i, person] of people.entries()) {
    const path = `people[${i}]`;
    const unitId = unitIds.get(person.unit);
    // Checked before any write against the tenant as it was; a path through a unit the file
    // renames only fails now, and the whole apply rolls back.
    if (!unitId)
      throw invalidConfig([
        { path: `${path}.unit`, message: 'names no unit once the file is applied (renaming a unit changes the paths below it)' },
      ]);
    const positionId = person.position ? positionIds.get(person.position) : undefined;
    const current = existing.get(person.phone);
    if (!current) {
      await at(path, () => createPerson(ctx, { name: person.name, phone: person.phone, unitId, positionId: positionId ?? null }));
      report.add('create', 'person', person.phone);
      continue;
    }
    const changes: PersonChanges = {};
    if (current.name !== person.name) changes.name = person.name;
    if (current.unit_id !== unitId) changes.unitId = unitId;
    if (positionId && current.position_id !== positionId) changes.positionId = positionId;
    if (Object.keys(changes).length === 0) continue;
    await at(path, () => updatePerson(ctx, current.id, changes));
    report.add(
      'update',
      'person',
      person.phone,
      Object.keys(changes).map((k) => ({ unitId: 'unit', positionId: 'position' })[k] ?? k),
    );
  }
}
