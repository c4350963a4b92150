import { createAjv } from '../schemas/ajv.ts';
import { phoneNumber, plainName } from '../schemas/common.schema.ts';
import type { ErrorDetail } from '../http/errors.ts';
import type { SheetSpec } from '../export/xlsx-writer.ts';
import type { SheetTable } from '../export/xlsx-reader.ts';
import { UNIT_KINDS, UNIT_KIND_NAMES, unitKindFromName, type UnitKind } from './org-kinds.ts';
import { unitCode } from './unit.schema.ts';

/** The sheets and columns of an org import workbook, as county staff name them. */
export const UNIT_SHEET = { sheet: '单位', name: '单位名称', kind: '类型', parent: '上级单位', code: '编码' } as const;
export const PERSON_SHEET = { sheet: '人员', name: '姓名', phone: '手机号', unit: '所属单位', position: '职务' } as const;

export interface UnitImportRow {
  row: number;
  name: string;
  kind: UnitKind;
  /** A unit code, or a name path from the root such as `示范县/城关镇`; empty for a root. */
  parent: string;
  code: string | null;
}

export interface PersonImportRow {
  row: number;
  name: string;
  phone: string;
  unit: string;
  position: string | null;
}

export interface ParsedSheets {
  units: UnitImportRow[];
  people: PersonImportRow[];
  errors: ErrorDetail[];
}

// The same rules as the API's JSON bodies, from the same schema constants.
const ajv = createAjv('body');
const validName = ajv.compile(plainName);
const validPhone = ajv.compile(phoneNumber);
const validCode = ajv.compile(unitCode);

/** `人员!3.手机号`: the sheet, the row number Excel shows, and the column header. */
export function cellPath(sheet: string, row: number, column: string): string {
  return `${sheet}!${row}.${column}`;
}

/** Turns the two sheets into rows, with an error for each missing or malformed cell. */
export function parseOrgSheets(tables: Map<string, SheetTable>): ParsedSheets {
  const errors: ErrorDetail[] = [];
  const unitTable = tables.get(UNIT_SHEET.sheet);
  const personTable = tables.get(PERSON_SHEET.sheet);
  if (!unitTable && !personTable) {
    errors.push({ path: UNIT_SHEET.sheet, message: `the workbook needs a sheet "${UNIT_SHEET.sheet}" or "${PERSON_SHEET.sheet}"` });
    return { units: [], people: [], errors };
  }
  const units: UnitImportRow[] = [];
  if (unitTable && requireColumns(unitTable, [UNIT_SHEET.name, UNIT_SHEET.kind], errors)) {
    for (const { rowNumber: row, cells } of unitTable.rows) {
      const at = (column: string) => cellPath(UNIT_SHEET.sheet, row, column);
      const name = cells[UNIT_SHEET.name] ?? '';
      const kindText = cells[UNIT_SHEET.kind] ?? '';
      const code = cells[UNIT_SHEET.code] ?? '';
      const kind = unitKindFromName(kindText);
      let ok = checkName(name, at(UNIT_SHEET.name), errors);
      if (ok && /[/／]/.test(name)) {
        // Name paths use the slash as separator, so a unit named with one could not be referenced.
        errors.push({ path: at(UNIT_SHEET.name), message: 'must not contain "/"' });
        ok = false;
      }
      if (!kind) {
        errors.push({
          path: at(UNIT_SHEET.kind),
          message: kindText ? `must be one of ${UNIT_KINDS.map((k) => UNIT_KIND_NAMES[k]).join('/')}` : 'is required',
        });
        ok = false;
      }
      if (code && !validCode(code)) {
        errors.push({ path: at(UNIT_SHEET.code), message: 'must be letters, digits, ".", "_" or "-" (at most 40)' });
        ok = false;
      }
      if (ok && kind) units.push({ row, name, kind, parent: cells[UNIT_SHEET.parent] ?? '', code: code || null });
    }
  }
  const people: PersonImportRow[] = [];
  if (personTable && requireColumns(personTable, [PERSON_SHEET.name, PERSON_SHEET.phone, PERSON_SHEET.unit], errors)) {
    for (const { rowNumber: row, cells } of personTable.rows) {
      const at = (column: string) => cellPath(PERSON_SHEET.sheet, row, column);
      const name = cells[PERSON_SHEET.name] ?? '';
      const phone = (cells[PERSON_SHEET.phone] ?? '').replace(/\s/g, '');
      const unit = cells[PERSON_SHEET.unit] ?? '';
      const position = cells[PERSON_SHEET.position] ?? '';
      let ok = checkName(name, at(PERSON_SHEET.name), errors);
      if (!phone || !validPhone(phone)) {
        errors.push({
          path: at(PERSON_SHEET.phone),
          message: phone ? 'is not a mobile number (11 digits) or a landline with area code' : 'is required',
        });
        ok = false;
      }
      if (!unit) {
        errors.push({ path: at(PERSON_SHEET.unit), message: 'is required' });
        ok = false;
      }
      if (position && !checkName(position, at(PERSON_SHEET.position), errors)) ok = false;
      if (ok) people.push({ row, name, phone, unit, position: position || null });
    }
  }
  return { units, people, errors };
}

function requireColumns(table: SheetTable, columns: string[], errors: ErrorDetail[]): boolean {
  const missing = columns.filter((c) => !table.headers.includes(c));
  for (const column of missing) errors.push({ path: cellPath(table.name, 1, column), message: 'column is missing from the header row' });
  return missing.length === 0;
}

function checkName(text: string, path: string, errors: ErrorDetail[]): boolean {
  if (!text) errors.push({ path, message: 'is required' });
  else if (!validName(text))
    errors.push({ path, message: 'must be plain text of at most 100 characters, without < > or control characters' });
  else return true;
  return false;
}

/** Splits a name path on / (or the full-width ／) into trimmed names. */
export function namePathKey(text: string): string {
  return text
    .split(/[/／]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
}

/** The import template: both sheets with their header row and one example row each. */
export function orgImportTemplate(): SheetSpec[] {
  return [
    {
      name: UNIT_SHEET.sheet,
      columns: [
        { header: UNIT_SHEET.name, width: 24 },
        { header: UNIT_SHEET.kind, width: 10, choices: UNIT_KINDS.map((k) => UNIT_KIND_NAMES[k]) },
        { header: UNIT_SHEET.parent, width: 30 },
        { header: UNIT_SHEET.code, width: 16, text: true },
      ],
      rows: [['城关镇', UNIT_KIND_NAMES.town, '示范县', '371321101']],
    },
    {
      name: PERSON_SHEET.sheet,
      columns: [
        { header: PERSON_SHEET.name, width: 14 },
        { header: PERSON_SHEET.phone, width: 16, text: true },
        { header: PERSON_SHEET.unit, width: 30 },
        { header: PERSON_SHEET.position, width: 14 },
      ],
      rows: [['张三', '13800000000', '示范县/城关镇', '镇长']],
    },
  ];
}
