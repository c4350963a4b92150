/**
 * The web app as a module's UI sees it: the one shell file `modules/<id>/ui` imports (the web
 * side of core/module-kit.ts). Everything else under admin-ui/src is the shell's own and may
 * change without notice; what is here is the contract, so change it with the modules in view.
 * A module reads another module only through that module's `public-api.ts` (types), never its UI.
 *
 * Each name is re-exported from where the shell keeps it; the bundler follows them to their
 * source, so a page pulls in only what it uses.
 */

// What a module contributes: pages, menu icons, home widgets, a custom-field editor, a form
// renderer (modules/ui-contract.ts; listed in modules/registry.ts).
export type {
  CustomFieldFragment,
  FieldSetEditorProps,
  FieldSetProblem,
  FormRendererProps,
  ModuleUi,
  ModuleUiPublicRoute,
  ModuleUiRoute,
  ModuleUiWidget,
  ModuleWidgetProps,
} from './modules/ui-contract';

// The signed-in user, the tenant and what the user may do (inside the tenant's pages only).
export { useTenantSession, type TenantSessionValue } from './auth/tenant-session-context';
export { useHasPermission } from './auth/permissions';

// A module's config as the county set it (its pages read settings such as a map's tile address).
export { useModuleConfig } from './modules/use-module-config';

// The tenant of a public page (`ModuleUi.publicRoutes`, no sign-in): its slug from the address.
export { usePublicTenant, type PublicTenantValue } from './modules/public-tenant-context';

// The API client: JSON (or multipart) in and out, the CSRF token, an Idempotency-Key per
// attempt (`idempotent: true`), failures as ApiError, an expired session sent to sign-in.
// Modules call nothing but these: no `fetch` of their own.
export { apiDownload, apiRequest, uploadRaw, type RequestOptions, type UploadOptions } from './api/http-client';
export { tenantApiUrl, tenantScope, type ApiScope } from './api/api-scope';
export { isApiError, ApiError, type FieldIssue } from './api/api-error';
// Core's error codes, to compare `ApiError.code` with (a module's own are in its schemas/error-codes.ts).
export { CORE_ERRORS, type CoreErrorCode } from '../../core/schemas/error-codes';
export { tenantKeys } from './api/query-keys';

// Files: the one upload (core `POST /files`), the address a file opens at, and handing the
// browser a downloaded blob as a file.
export { fileUrl, uploadFile, type UploadedFile } from './api/files.api';
export { saveFile } from './components/save-file';

// Exports: a module queues one through its own route; core runs it, and the user finds it on the
// shell's "My exports" page (`/exports?highlight=<id>`). A page may poll one in place.
export { fetchExportJob, isUnfinished, type ExportJob } from './api/exports.api';

// The directory (names and units, open to every signed-in user) and the organisation
// (`core.org.read`): pickers of people and units.
export { useDirectoryPeople, useDirectoryPerson, useDirectoryUnits, type DirectoryPerson, type DirectoryUnit } from './api/directory.api';
export { useUnits, type Unit, type UnitKind } from './api/org.api';
export { unitTreeData, type UnitTreeNode } from './components/unit-tree-data';

// The county's clock and calendar: every time shown, picked or counted in working days.
export { countyTime, countyTimeZone, countyWallTimeToIso, todayInCounty, useCountyTime } from './time/county-time';
export { useAddWorkingDays } from './api/calendar.api';

// Texts: a module's own namespace in both languages and its typed `t`.
export { createModuleI18n, type ModuleT, type ModuleTextKey } from './i18n/module-i18n';

// Page parts: loading, a failed load with retry, server field errors on antd forms, a search
// box's pause, and the one chart (ECharts, lazily loaded, its numbers a click away).
export { PageLoading } from './components/page-loading';
export { ErrorResult } from './components/error-result';
export { fieldMessage, formFieldErrors } from './components/field-errors';
export { useDebouncedValue } from './components/use-debounced-value';
export { Chart, type ChartProps } from './components/chart/chart';
export type { ChartItem, ChartOption } from './components/chart/chart-option';

// Tenant-designed forms (JSON Schema): the shell's lazily loaded form, server issues as its
// error tree, and the form of the first enabled module that contributes a renderer.
export { issuesToErrorTree, LazySchemaForm, type SchemaErrorTree, type SchemaFormProps } from './components/rjsf/lazy-schema-form';
export { ContributedSchemaForm } from './modules/contributed-schema-form';
