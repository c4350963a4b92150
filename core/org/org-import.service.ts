import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { unitPathInScope } from '../auth/permissions.ts';
import { AppError, badRequest, type ErrorDetail } from '../http/errors.ts';
import type { SheetTable } from '../export/xlsx-reader.ts';
import { auditOrg, type OrgContext } from './org-context.ts';
import {
  PERSON_SHEET,
  UNIT_SHEET,
  cellPath,
  namePathKey,
  parseOrgSheets,
  type PersonImportRow,
  type UnitImportRow,
} from './org-import-sheets.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface ImportResult {
  units: number;
  people: number;
  positions: number;
}

/** A unit of the directory or of the file, with what references need to find it. */
interface KnownUnit {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  /** Names from the root down, joined by `/`. */
  namePath: string;
  /** Set for units planned from the file. */
  row?: UnitImportRow;
}

interface Directory {
  byCode: Map<string, KnownUnit>;
  byNamePath: Map<string, KnownUnit>;
}

interface PlannedPerson {
  id: string;
  row: PersonImportRow;
  unitId: string;
  positionId: string | null;
}

const BATCH = 500;
/** Problems listed in one response; a file with more gets a last line counting the rest. */
const MAX_DETAILS = 500;

/**
 * Imports units and people from the sheets of a workbook, all or nothing: every row is checked
 * (format, references, duplicates in the file and against the directory, data scope) before
 * anything is written. Any bad row: 400 `ORG_IMPORT_INVALID` naming each bad cell; a row outside
 * the caller's scope: 403 `ORG_OUT_OF_SCOPE`. Units are written parents first, positions on demand.
 */
export async function importOrg(ctx: OrgContext, tables: Map<string, SheetTable>): Promise<ImportResult> {
  const parsed = parseOrgSheets(tables);
  const errors: ErrorDetail[] = [...parsed.errors];
  const outOfScope: ErrorDetail[] = [];
  const directory = await loadDirectory(ctx.trx);
  const units = planUnits(ctx, parsed.units, directory, errors, outOfScope);
  const people = await planPeople(ctx, parsed.people, directory, errors, outOfScope);
  const newPositions = await planPositions(ctx.trx, people);
  if (errors.length > 0) {
    throw badRequest(
      CORE_ERRORS.ORG_IMPORT_INVALID,
      `The file has ${errors.length} problem(s); nothing was imported`,
      listed(inSheetOrder(errors)),
    );
  }
  if (outOfScope.length > 0) {
    throw new AppError(
      403,
      CORE_ERRORS.ORG_OUT_OF_SCOPE,
      'Some rows lie outside your data scope; nothing was imported',
      listed(inSheetOrder(outOfScope)),
    );
  }
  const positionIds = await insertPositions(ctx, newPositions);
  for (const person of people) person.positionId = person.row.position ? (positionIds.get(person.row.position) ?? null) : null;
  await insertBatches(
    ctx.trx,
    'core_unit',
    units.map((u) => ({
      tenant_id: ctx.tenantId,
      id: u.id,
      parent_id: u.parentId,
      name: u.row!.name,
      kind: u.row!.kind,
      code: u.row!.code,
      path: u.path,
      depth: u.depth,
    })),
  );
  await insertBatches(
    ctx.trx,
    'core_person',
    people.map((p) => ({
      tenant_id: ctx.tenantId,
      id: p.id,
      name: p.row.name,
      phone: p.row.phone,
      unit_id: p.unitId,
      position_id: p.positionId,
    })),
  );
  const result = { units: units.length, people: people.length, positions: newPositions.length };
  await auditOrg(ctx, {
    action: 'org.import',
    recordType: 'org_import',
    recordId: uuidv7(),
    data: { ...result, unitIds: units.map((u) => u.id), personIds: people.map((p) => p.id), positionNames: newPositions },
  });
  return result;
}

/** Every unit of the tenant, findable by code and by name path. */
async function loadDirectory(trx: Knex.Transaction): Promise<Directory> {
  const rows: { id: string; parent_id: string | null; name: string; code: string | null; path: string; depth: number }[] = await trx(
    'core_unit',
  )
    .select('id', 'parent_id', 'name', 'code', 'path', 'depth')
    .orderBy('depth');
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const directory: Directory = { byCode: new Map(), byNamePath: new Map() };
  for (const r of rows) {
    const namePath = r.path
      .split('/')
      .filter(Boolean)
      .map((id) => names.get(id))
      .join('/');
    const unit = { id: r.id, parentId: r.parent_id, path: r.path, depth: r.depth, namePath };
    directory.byNamePath.set(namePath, unit);
    if (r.code) directory.byCode.set(r.code, unit);
  }
  return directory;
}

function findUnit(directory: Directory, reference: string): KnownUnit | undefined {
  return directory.byCode.get(reference.trim()) ?? directory.byNamePath.get(namePathKey(reference));
}

/**
 * Places the file's units: a row whose parent is not known yet waits for a later pass, so rows
 * may come in any order; rows still waiting at the end name no unit (or form a cycle).
 */
function planUnits(
  ctx: OrgContext,
  rows: UnitImportRow[],
  directory: Directory,
  errors: ErrorDetail[],
  outOfScope: ErrorDetail[],
): KnownUnit[] {
  const at = (row: UnitImportRow, column: string) => cellPath(UNIT_SHEET.sheet, row.row, column);
  const fileCodes = new Map<string, UnitImportRow>();
  for (const row of rows) {
    if (!row.code) continue;
    const taken = directory.byCode.get(row.code);
    const twice = fileCodes.get(row.code);
    if (taken) errors.push({ path: at(row, UNIT_SHEET.code), message: `is taken by the unit ${taken.namePath}` });
    else if (twice) errors.push({ path: at(row, UNIT_SHEET.code), message: `appears twice in the file (row ${twice.row})` });
    else fileCodes.set(row.code, row);
  }
  const planned: KnownUnit[] = [];
  const fileNamePaths = new Map<string, UnitImportRow>();
  let pending = rows;
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    pending = pending.filter((row) => {
      const parent = row.parent ? findUnit(directory, row.parent) : null;
      if (parent === undefined) return true;
      progress = true;
      const namePath = parent ? `${parent.namePath}/${row.name}` : row.name;
      const twice = fileNamePaths.get(namePath);
      if (twice) {
        errors.push({ path: at(row, UNIT_SHEET.name), message: `${namePath} appears twice in the file (row ${twice.row})` });
        return false;
      }
      if (directory.byNamePath.has(namePath)) {
        errors.push({ path: at(row, UNIT_SHEET.name), message: `${namePath} already exists in the directory` });
        return false;
      }
      fileNamePaths.set(namePath, row);
      const id = uuidv7();
      const unit: KnownUnit = {
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        namePath,
        row,
      };
      if (!unitPathInScope(unit.path, ctx.scope)) {
        outOfScope.push({ path: at(row, row.parent ? UNIT_SHEET.parent : UNIT_SHEET.name), message: 'is outside your data scope' });
      }
      directory.byNamePath.set(namePath, unit);
      if (row.code && fileCodes.get(row.code) === row) directory.byCode.set(row.code, unit);
      planned.push(unit);
      return false;
    });
  }
  for (const row of pending) {
    errors.push({
      path: at(row, UNIT_SHEET.parent),
      message: `"${row.parent}" names no unit in the file or the directory (by name path from the top, or by code)`,
    });
  }
  return planned;
}

async function planPeople(
  ctx: OrgContext,
  rows: PersonImportRow[],
  directory: Directory,
  errors: ErrorDetail[],
  outOfScope: ErrorDetail[],
): Promise<PlannedPerson[]> {
  const at = (row: PersonImportRow, column: string) => cellPath(PERSON_SHEET.sheet, row.row, column);
  const taken = new Set<string>();
  const phones = [...new Set(rows.map((r) => r.phone))];
  for (let i = 0; i < phones.length; i += BATCH) {
    const found: { phone: string }[] = await ctx
      .trx('core_person')
      .whereIn('phone', phones.slice(i, i + BATCH))
      .select('phone');
    for (const { phone } of found) taken.add(phone);
  }
  const filePhones = new Map<string, PersonImportRow>();
  const planned: PlannedPerson[] = [];
  for (const row of rows) {
    const twice = filePhones.get(row.phone);
    if (taken.has(row.phone)) errors.push({ path: at(row, PERSON_SHEET.phone), message: 'belongs to a person already in the directory' });
    else if (twice) errors.push({ path: at(row, PERSON_SHEET.phone), message: `appears twice in the file (row ${twice.row})` });
    else filePhones.set(row.phone, row);
    const unit = findUnit(directory, row.unit);
    if (!unit) {
      errors.push({
        path: at(row, PERSON_SHEET.unit),
        message: `"${row.unit}" names no unit in the file or the directory (by name path from the top, or by code)`,
      });
      continue;
    }
    if (!unitPathInScope(unit.path, ctx.scope))
      outOfScope.push({ path: at(row, PERSON_SHEET.unit), message: 'is outside your data scope' });
    planned.push({ id: uuidv7(), row, unitId: unit.id, positionId: null });
  }
  return planned;
}

/** Names of the positions the file uses that the tenant does not have yet. */
async function planPositions(trx: Knex.Transaction, people: PlannedPerson[]): Promise<string[]> {
  const names = [...new Set(people.map((p) => p.row.position).filter((n): n is string => n !== null))];
  if (names.length === 0) return [];
  const existing = new Set((await trx('core_position').whereIn('name', names).select('name')).map((r: { name: string }) => r.name));
  return names.filter((n) => !existing.has(n));
}

/** Creates the new positions; returns the id of every position the file names. */
async function insertPositions(ctx: OrgContext, newNames: string[]): Promise<Map<string, string>> {
  await insertBatches(
    ctx.trx,
    'core_position',
    newNames.map((name) => ({ tenant_id: ctx.tenantId, id: uuidv7(), name })),
  );
  const rows: { id: string; name: string }[] = await ctx.trx('core_position').select('id', 'name');
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function insertBatches(trx: Knex.Transaction, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await trx(table).insert(rows.slice(i, i + BATCH));
}

/** Details sorted by sheet (units first), then row, as a person fixes the file. */
function inSheetOrder(details: ErrorDetail[]): ErrorDetail[] {
  const key = (path: string) => {
    const match = path.match(/^(.+)!(\d+)\./);
    return match ? [match[1] === UNIT_SHEET.sheet ? 0 : 1, Number(match[2])] : [-1, 0];
  };
  return details
    .map((detail, index) => ({ detail, index, key: key(detail.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((entry) => entry.detail);
}

function listed(details: ErrorDetail[]): ErrorDetail[] {
  if (details.length <= MAX_DETAILS) return details;
  return [...details.slice(0, MAX_DETAILS), { path: 'body', message: `and ${details.length - MAX_DETAILS} more problem(s)` }];
}
