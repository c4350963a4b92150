import type { ComponentType, ReactNode } from 'react';
import type { LocalizedText } from '../api/localized-text';
import type { SchemaFormProps } from '../components/rjsf/lazy-schema-form';

/**
 * What a module contributes to the web app, exported from `modules/<id>/ui/index.ts(x)` and
 * listed in `admin-ui/src/modules/registry.ts`. The shell mounts it under `/t/:tenant/<id>/`
 * only when the module is enabled for the tenant, and loads each page on first visit
 * (its own code chunk), so a module's code never weighs on the shell's first load.
 *
 * What the menu holds stays in the module's manifest (server side, `manifest.menu`, with its
 * permissions): the UI side only dresses those entries.
 */
export interface ModuleUi {
  routes: ModuleUiRoute[];
  /**
   * Pages anyone may open without signing in (a citizen's report form, following a report by its
   * code), mounted at `/public/t/:tenant/<module id>/` in a bare phone-first layout with only the
   * language switch: no menu, no session, no tenant data but what the page asks the API for.
   * The page reads the tenant from `usePublicTenant()` and calls the module's public routes, which
   * answer 404 while the module is not enabled for the tenant.
   */
  publicRoutes?: ModuleUiPublicRoute[];
  menu?: ModuleUiMenuDecoration[];
  widgets?: ModuleUiWidget[];
  /**
   * An editor of record types' custom fields (the forms module offers its designer). The custom
   * fields page uses the first enabled module's editor, and its own list editor otherwise.
   */
  fieldSetEditor?: ModuleUiFieldSetEditor;
  /**
   * A renderer of tenant-designed forms with the module's own answer widgets (the forms module
   * offers its person, unit, file and location widgets). Other modules fill in forms through the
   * shell's `ContributedSchemaForm`, which uses the first enabled module's renderer and the
   * shell's plain form otherwise, so no module imports another's UI.
   */
  formRenderer?: { load: () => LazyComponentModule<FormRendererProps> };
}

/** What a contributed form renderer takes: the shell's form props without the widget set it brings itself. */
export type FormRendererProps = Omit<SchemaFormProps, 'widgets' | 'fields' | 'templates' | 'defaultFormStateBehavior'>;

/** A lazily loaded page module: the default export is the page (React.lazy's convention). */
export type LazyComponentModule<Props = object> = Promise<{ default: ComponentType<Props> }>;

export interface ModuleUiRoute {
  /**
   * Below `/t/:tenant/<module id>/`, in react-router syntax: `''` for the module's index,
   * `tasks`, `tasks/:id`.
   */
  path: string;
  /** e.g. `() => import('./pages/task-list-page')`. */
  load: () => LazyComponentModule;
  /** The page shows "no access" to users without it (the API refuses them anyway). */
  permission?: string;
}

export interface ModuleUiPublicRoute {
  /** Below `/public/t/:tenant/<module id>/`, in react-router syntax: `report`, `track/:code`. */
  path: string;
  load: () => LazyComponentModule;
}

/** Presentation of one `manifest.menu` entry, matched by its id. */
export interface ModuleUiMenuDecoration {
  id: string;
  icon?: ReactNode;
}

export interface ModuleWidgetProps {
  tenantSlug: string;
}

/** A card on the tenant's home page. */
export interface ModuleUiWidget {
  id: string;
  title: LocalizedText;
  /** Shown only to users holding it. */
  permission?: string;
  load: () => LazyComponentModule<ModuleWidgetProps>;
}

/**
 * One record type's custom fields as core stores them (`GET /custom-fields/:moduleId/:recordType`,
 * core/custom-fields/custom-field-fragment.ts): a JSON Schema draft-07 object fragment
 * `{ type: 'object', properties, required?, additionalProperties: false }` whose property names are
 * letters, digits and `_` (at most 200 fields, checked by the tenant-schema guard: size, depth,
 * local `$ref` only, no `$data`, safe patterns), and its uiSchema with the field order in `ui:order`.
 * Values are checked by ajv alone: nothing checks that an id names a person, unit or file.
 */
export interface CustomFieldFragment {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/** A problem the server found with a save: `path` like `body.schema.properties.householdSize.minimum`. */
export interface FieldSetProblem {
  path: string;
  message: string;
}

export interface FieldSetEditorProps {
  /** Which record type (for the editor's own texts; the shell does the saving). */
  moduleId: string;
  recordType: string;
  /** The stored fields; the shell remounts the editor after each save with what was stored. */
  value: CustomFieldFragment;
  /**
   * Stores the fields (the shell sends them with the version it read). Rejects when the server
   * refused them; the reasons then arrive in `problems`.
   */
  onSave: (fragment: CustomFieldFragment) => Promise<void>;
  saving: boolean;
  /** The server's problems with the last save, to show at the fields they name (empty after a good save). */
  problems: FieldSetProblem[];
  /** Show the fields without offering changes. */
  readOnly: boolean;
}

export interface ModuleUiFieldSetEditor {
  /** e.g. `() => import('./custom-fields/custom-field-set-editor')`; its own chunk. */
  load: () => LazyComponentModule<FieldSetEditorProps>;
  /** What the page calls it next to its own list editor. */
  name: LocalizedText;
}
