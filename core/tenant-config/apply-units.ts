import { createUnit, moveUnit, updateUnit, type UnitChanges } from '../org/unit.service.ts';
import type { OrgContext } from '../org/org-context.ts';
import type { ReportBuilder } from './apply-report.ts';
import type { ConfigUnit } from './tenant-config.types.ts';
import { at } from './apply-step.ts';
import { invalidConfig } from './tenant-config-validator.ts';
import { compareDisplay, loadUnits, type StateUnit } from './tenant-state.ts';

/**
 * Makes the unit tree contain the file's tree: a unit is matched by its code, or (without a code)
 * by its name under its parent, then created, moved, renamed or re-kinded as needed. Siblings keep
 * their `sort` when it already gives the file's order, else take their index: so an apply never
 * rewrites an order that already matches. Returns the ids of the file's units.
 */
export async function applyUnits(ctx: OrgContext, units: ConfigUnit[], report: ReportBuilder): Promise<Set<string>> {
  const state = new Map((await loadUnits(ctx.trx)).map((u) => [u.id, u]));
  const seen = new Set<string>();
  const byCode = (code: string) => [...state.values()].find((u) => u.code === code);
  const sibling = (parentId: string | null, name: string) => [...state.values()].find((u) => u.parent_id === parentId && u.name === name);

  const level = async (items: ConfigUnit[], parentId: string | null, base: string, parentNamePath: string): Promise<void> => {
    const matched = items.map((item) => {
      const byName = sibling(parentId, item.name);
      if (!item.code) return byName;
      return byCode(item.code) ?? (byName && byName.code === null ? byName : undefined);
    });
    const keys = items.map((item, i) => ({ sort: matched[i]?.sort ?? i, code: item.code ?? matched[i]?.code ?? null, name: item.name }));
    const inOrder = keys.every((key, i) => i === 0 || compareDisplay(keys[i - 1], key) < 0);
    for (const [i, item] of items.entries()) {
      const path = `${base}[${i}]`;
      const key = item.code ?? `${parentNamePath}/${item.name}`;
      const sort = inOrder ? keys[i].sort : i;
      let unit = matched[i];
      // A code-less entry matched by name, and another entry naming the same unit by its code.
      if (unit && seen.has(unit.id)) throw invalidConfig([{ path, message: 'names a unit another entry of the file already is' }]);
      if (!unit) {
        const row = await at(path, () => createUnit(ctx, { name: item.name, kind: item.kind, code: item.code ?? null, parentId, sort }));
        unit = { id: row.id, parent_id: parentId, name: row.name, kind: row.kind, code: row.code, sort: row.sort };
        report.add('create', 'unit', key);
      } else {
        unit = await updateMatched(ctx, unit, item, { parentId, sort, path, key }, report);
      }
      state.set(unit.id, unit);
      seen.add(unit.id);
      await level(item.children ?? [], unit.id, `${path}.children`, `${parentNamePath}/${item.name}`);
    }
  };
  await level(units, null, 'units', '');
  return seen;
}

async function updateMatched(
  ctx: OrgContext,
  unit: StateUnit,
  item: ConfigUnit,
  where: { parentId: string | null; sort: number; path: string; key: string },
  report: ReportBuilder,
): Promise<StateUnit> {
  const { parentId, sort, path, key } = where;
  const fields: string[] = [];
  if (unit.parent_id !== parentId) {
    await at(path, () => moveUnit(ctx, unit.id, parentId));
    fields.push('parent');
  }
  const changes: UnitChanges = {};
  if (unit.name !== item.name) changes.name = item.name;
  if (unit.kind !== item.kind) changes.kind = item.kind;
  if (item.code && unit.code !== item.code) changes.code = item.code;
  if (unit.sort !== sort) changes.sort = sort;
  if (Object.keys(changes).length > 0) {
    await at(path, () => updateUnit(ctx, unit.id, changes));
    fields.push(...Object.keys(changes));
  }
  if (fields.length > 0) report.add('update', 'unit', key, fields);
  return { ...unit, ...changes, parent_id: parentId };
}
