import type { RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils';
import { FileWidget } from './file-widget';
import { LocationField } from './location-field';
import { PersonWidget } from './person-widget';
import { SectionField } from './section-field';
import { UnitWidget } from './unit-widget';

/** What the designer's uiSchema names (`ui:widget` / `ui:field`), wherever a form is rendered. */
export const formWidgets: RegistryWidgetsType = { person: PersonWidget, unit: UnitWidget, file: FileWidget };
export const formFields: RegistryFieldsType = { location: LocationField, section: SectionField };
