/** Kinds of unit in a county's tree, as stored in `core_unit.kind` (checked by the table). */
export const UNIT_KINDS = ['county', 'department', 'town', 'village', 'community', 'grid'] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

/** The names people use for each kind, in spreadsheets and in the UI. */
export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  county: '县',
  department: '部门',
  town: '镇街',
  village: '村',
  community: '社区',
  grid: '网格',
};

const KIND_BY_NAME = new Map<string, UnitKind>([
  ...UNIT_KINDS.map((kind) => [UNIT_KIND_NAMES[kind], kind] as const),
  ...UNIT_KINDS.map((kind) => [kind, kind] as const),
  // Common spellings in county spreadsheets.
  ['县区', 'county'],
  ['区县', 'county'],
  ['镇', 'town'],
  ['街道', 'town'],
  ['乡', 'town'],
  ['乡镇', 'town'],
  ['村居', 'village'],
]);

/** The kind named by a spreadsheet cell (`镇街`, `村`, or the English id), or undefined. */
export function unitKindFromName(name: string): UnitKind | undefined {
  return KIND_BY_NAME.get(name.trim());
}
