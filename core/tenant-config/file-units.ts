import type { ConfigUnit } from './tenant-config.types.ts';

/** A unit of the file with where it sits: its JSON path and its name path from the root. */
export interface FileUnit {
  unit: ConfigUnit;
  path: string;
  namePath: string;
  parentPath: string | null;
}

/** The file's units, parents before children. */
export function flattenUnits(units: ConfigUnit[] = []): FileUnit[] {
  const out: FileUnit[] = [];
  const walk = (items: ConfigUnit[], base: string, parentNamePath: string, parentPath: string | null): void => {
    items.forEach((unit, i) => {
      const path = `${base}[${i}]`;
      const namePath = `${parentNamePath}/${unit.name}`;
      out.push({ unit, path, namePath, parentPath });
      walk(unit.children ?? [], `${path}.children`, namePath, path);
    });
  };
  walk(units, 'units', '', null);
  return out;
}
