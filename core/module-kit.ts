/**
 * The module kit: the one core file a module's server code imports (an ESLint rule enforces it;
 * a module may also import another module's `public-api.ts`, for types). Everything a module
 * needs from the platform, for a request and for a job alike, is named here, so core can move
 * its files without touching a module and a newcomer finds the platform's surface in one place.
 * docs/ARCHITECTURE.md, "Writing a module", shows how the parts fit.
 */

// The module contract: what a module declares and what its jobs get.
export type {
  ExportOutput,
  ExportRunContext,
  ExportRunner,
  ExportTask,
  ConfigDataContext,
  FileAccessCheck,
  ModuleConfigData,
  LocalizedText,
  ModuleEventHandler,
  ModuleJob,
  ModuleJobContext,
  ModuleManifest,
  PlatformModule,
  TenantJobContext,
} from './modules/contract.ts';
export type { RoutePlugin } from './http/route-plugin.ts';

// The context a module's services run in, for a request and a job alike.
export { jobModuleContext, moduleContext, type ModuleContext } from './modules/module-context.ts';

// Who acts, and what they may do: a route declares `config: { permission }` and reads `request.scope`.
export { moduleActor, type ModuleActor } from './modules/module-actor.ts';
export {
  permissionScopes,
  requirePermission,
  scopeOf,
  unitPathInScope,
  unitsOutsideScope,
  whereInScope,
  type DataScope,
} from './auth/permissions.ts';

// The tenant's config of the module, with the module's defaults filled in.
export { moduleConfig, withDefaults } from './modules/module-config.ts';

// Other modules' services, and the platform's services.
export { moduleService } from './modules/module-services.ts';
export { audit, writeAudit } from './audit/audit.service.ts';
export type { Notifier } from './notify/notifier.ts';
// Server-written messages in the reader's language: a catalogue per module (modules/<id>/locales/notifications.ts).
export { defineMessages, type MessageLanguage, type NotificationMessage } from './notify/messages.ts';
export { inQuietHours } from './notify/quiet-hours.ts';
export { textPhone } from './notify/text-phone.ts';
// Reminders that must go at most once: the ledger decides, the notice goes only with a new row.
export {
  lastRemindedAt,
  ledgerRowsOf,
  notifyOnce,
  remindersOf,
  type NotifyOnceOptions,
  type OnceEntry,
  type ReminderFilter,
  type ReminderRecord,
} from './notify/notify-once.ts';
export type { JobRunner } from './jobs/job-runner.ts';
export { setTransactionTenant, tenantOfTransaction } from './db/tenant-scoping.ts';

// Directory questions: who answers for a person or a unit, a unit's heads.
export { answeringAccounts, unitHeadAccounts, type AnswerTarget } from './directory/answering-accounts.ts';
export {
  accountFacts,
  accountsNamed,
  roleAccounts,
  roleNames,
  rolesNamed,
  tenantAdminAccounts,
  type AccountFacts,
} from './directory/account-facts.ts';
export { ancestorIds, topUnitIds, unitFacts, unitsNamed, type UnitFacts } from './directory/unit-facts.ts';

// Migrations: a tenant table with its key, row-level security and grants in one call.
export { createTenantTable as tenantTable, tenantForeignKey, type TenantTableOptions } from './db/tenant-table.ts';
export { protectTenantTable, tenantColumn } from './db/rls.ts';

// Errors: a 4xx names the field; never a 500 for bad input.
export { AppError, badRequest, conflict, forbidden, notFound, payloadTooLarge, tooManyRequests, type ErrorDetail } from './http/errors.ts';
// Core's error codes (a module's own are in its schemas/error-codes.ts): a module answering one of core's names it from here.
export { CORE_ERRORS, type CoreErrorCode } from './schemas/error-codes.ts';
export { detailsFromAjv } from './http/error-handler.ts';
export { MAX_JSON_NUMBER } from './http/input-guard.ts';

// Route schemas and tenant-authored schemas. A module's schemas/ files import the schema pieces from
// core/schemas/schema-kit.ts instead (browser-safe: the web app type-checks them).
export {
  cursorQuery,
  errorResponses,
  limitQuery,
  nullableString,
  nullableTimestamp,
  plainName,
  plainText,
  responseObject,
  tenantIdParams,
  tenantParams,
  tenantSlug,
  timestamp,
  timeZoneName,
  uuid,
} from './schemas/common.schema.ts';
export { ajvOptions, createAjv } from './schemas/ajv.ts';
export { TenantSchemaError, checkTenantSchema, compileTenantSchema } from './schemas/tenant-schema-guard.ts';
export { hiddenAnswerPaths } from './schemas/hidden-answers.ts';
export { isStorableTimestamp } from './schemas/storable-time.ts';
export { COUNTY_FORMATS_SPECIFIER } from './schemas/county-formats.ts';
export { TENANT_REGEXP_SPECIFIER } from './schemas/tenant-regexp.ts';

// Lists: keyset cursors and LIKE patterns.
export { decodeCursor, encodeCursor } from './http/list-cursor.ts';
export { containsPattern, escapeLike } from './db/like.ts';

// Time: the county's clock and calendar.
export {
  DEFAULT_TIME_ZONE,
  countyDateTime,
  endOfDayIn,
  instantOfWallTime,
  tenantTimeZone,
  todayIn,
  wallClockIn,
} from './time/time-zone.ts';
export { DAY_MS, HOUR_MS } from './time/durations.ts';
export { addDays, fromDayNumber, isIsoDate, toDayNumber, weekdayOf, type IsoDate } from './time/calendar-date.ts';
export { addTenantWorkingDays } from './calendar/calendar.service.ts';
// Periods and recurrence on the county's calendar: the ISO week, month, quarter or year holding a day and its key
// (`2025-W12`, `2025-03`, `2025-Q1`, `2025`); RRULE cadences laid out over days in the county's zone.
export {
  calendarPeriodOf,
  calendarPeriodOfKey,
  nextCalendarPeriod,
  previousCalendarPeriod,
  type CalendarPeriod,
  type PeriodUnit,
} from './time/periods.ts';
export {
  readRecurrenceRule,
  recurringPeriodsStartingBetween,
  type DayRecurrence,
  type RecurrenceFrequency,
  type RecurrenceRuleFacts,
  type RecurringPeriod,
} from './time/recurrence.ts';

// Files: the platform's one store, attachments, downloads.
// A type only: the one instance is app.platform.files (context.files in jobs and export runners).
export type { FileStore, StagedFile } from './files/file-store.ts';
export { attachFiles, fileReferences, fileReferencesIn } from './files/file-links.ts';
export { claimablePublicPhotos, receivePublicPhoto, registerPublicUploads } from './files/public-uploads.ts';
export { sendStoredFile } from './files/send-file.ts';
export { contentDisposition } from './files/file-name.ts';

// Export jobs: a route queues one (answering its view, 202); the module's `exportRunners[kind]` writes
// the file; core keeps state and progress, stores the file, tells the requester and serves `/exports`.
export { queueExport, type ExportRequest, type ExportView } from './exports/export.service.ts';
export { exportView } from './exports/export.schema.ts';

// Spreadsheets.
export { XLSX_MIME, readXlsx, type SheetTable } from './export/xlsx-reader.ts';
export { attachmentDisposition, safeCellText, writeXlsx, type ColumnSpec, type SheetSpec } from './export/xlsx-writer.ts';

// Public forms (no sign-in): the answer to a human check from POST /human-checks, accepted once.
export { verifyHumanCheck, type HumanCheckAnswer } from './human-check/human-check.ts';
