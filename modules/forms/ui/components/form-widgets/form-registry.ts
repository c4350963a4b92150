import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { FileWidget } from './file-widget';
import { LocationField } from './location-field';
import { PersonWidget } from './person-widget';
import { TableArrayFieldTemplate, TableCellFieldTemplate, TableRowItemTemplate, TableRowObjectTemplate } from './repeating-table';
import { SectionField } from './section-field';
import { UnclampedInputTemplate } from './unclamped-input-template';
import { UnitWidget } from './unit-widget';

/** What the designer's uiSchema names (`ui:widget` / `ui:field`), wherever a form is rendered. */
export const formWidgets: RegistryWidgetsType = { person: PersonWidget, unit: UnitWidget, file: FileWidget };
export const formFields: RegistryFieldsType = { location: LocationField, section: SectionField };
/** Repeating groups (arrays of flat objects) as tables; every other array, object and field as antd renders it. */
export const formTemplates: Partial<TemplatesType> = {
  ArrayFieldTemplate: TableArrayFieldTemplate,
  ArrayFieldItemTemplate: TableRowItemTemplate,
  ObjectFieldTemplate: TableRowObjectTemplate,
  FieldTemplate: TableCellFieldTemplate,
  BaseInputTemplate: UnclampedInputTemplate,
};
